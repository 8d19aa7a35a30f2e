using System.Net.Http.Headers;
using System.Text.Json;
using Assistant.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Typed client for the Qdrant REST operations this back-end uses, bound to the configured collection.
/// Retries and timeouts come from the resilience pipeline of the named HttpClient; every failure surfaces as
/// <see cref="IndexUnavailableException"/>.
/// </summary>
internal sealed class QdrantRestClient
{
    public const string HttpClientName = "Qdrant";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory httpClientFactory;
    private readonly ILogger<QdrantRestClient> logger;
    private readonly Uri? baseUri;
    private readonly string collectionPath;

    public QdrantRestClient(IHttpClientFactory httpClientFactory, IOptions<IndexOptions> options, ILogger<QdrantRestClient> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.logger = logger;
        var qdrant = options.Value.Qdrant;
        Url = qdrant.Url;
        Collection = qdrant.Collection;
        baseUri = Uri.TryCreate(qdrant.Url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        collectionPath = "collections/" + Uri.EscapeDataString(qdrant.Collection);
    }

    public string Url { get; }

    public string Collection { get; }

    public async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        (await SendAsync<CollectionExistence>(HttpMethod.Get, collectionPath + "/exists", null, cancellationToken)).Exists;

    public Task<CollectionInfo> GetCollectionAsync(CancellationToken cancellationToken) =>
        SendAsync<CollectionInfo>(HttpMethod.Get, collectionPath, null, cancellationToken);

    public Task CreateCollectionAsync(CreateCollectionRequest request, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Put, collectionPath, request, cancellationToken);

    public Task DeleteCollectionAsync(CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Delete, collectionPath, null, cancellationToken);

    public Task CreatePayloadIndexAsync(string fieldName, string fieldSchema, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Put, collectionPath + "/index?wait=true", new CreateFieldIndexRequest(fieldName, fieldSchema), cancellationToken);

    public Task UpsertPointsAsync(IReadOnlyList<QdrantPoint> points, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Put, collectionPath + "/points?wait=true", new UpsertPointsRequest(points), cancellationToken);

    public Task DeletePointsAsync(QdrantFilter filter, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Post, collectionPath + "/points/delete?wait=true", new DeletePointsRequest(filter), cancellationToken);

    public Task<ScrollResult> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken) =>
        SendAsync<ScrollResult>(HttpMethod.Post, collectionPath + "/points/scroll", request, cancellationToken);

    public async Task<long> CountAsync(QdrantFilter filter, CancellationToken cancellationToken) =>
        (await SendAsync<CountResult>(HttpMethod.Post, collectionPath + "/points/count", new CountRequest(filter), cancellationToken)).Count;

    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(QueryRequest request, CancellationToken cancellationToken) =>
        (await SendAsync<QueryResponse>(HttpMethod.Post, collectionPath + "/points/query", request, cancellationToken)).Points;

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        if (baseUri is null)
        {
            throw new IndexUnavailableException($"Index:Qdrant:Url '{Url}' is not an absolute http(s) URL of a Qdrant server, e.g. http://localhost:6333.");
        }

        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (body is not null)
        {
            // Bytes rather than a stream so the resilience pipeline can resend the same content on retry.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), QdrantJson.Options));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw QdrantErrors.Unreachable(Url, e);
        }
        catch (BrokenCircuitException e)
        {
            throw QdrantErrors.Unreachable(Url, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw QdrantErrors.TimedOut(Url, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw QdrantErrors.TimedOut(Url, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                logger.LogDebug("Qdrant {Method} {Path} answered {Status}: {Body}", method, path, (int)response.StatusCode, text);
                throw QdrantErrors.FromResponse(Url, Collection, response.StatusCode, text);
            }

            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var envelope = await JsonSerializer.DeserializeAsync<QdrantResponse<T>>(stream, QdrantJson.Options, cancellationToken);
                return envelope is { Result: { } result } ? result : throw new JsonException("the response has no 'result'");
            }
            catch (JsonException e)
            {
                throw QdrantErrors.NotQdrant(Url, e);
            }
        }
    }
}
