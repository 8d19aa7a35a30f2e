using Assistant.Configuration;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// The official <see cref="QdrantClient"/> (gRPC) for the configured endpoint, and the one way to call it:
/// <see cref="RunAsync{T}"/> gives every call a total timeout, retries transient failures with exponential backoff
/// (each attempt under its own timeout), and turns every failure into <see cref="IndexUnavailableException"/>.
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    private readonly GrpcChannel? channel;
    private readonly QdrantClient? client;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<QdrantConnection> logger;

    public QdrantConnection(IOptions<IndexOptions> options, ILogger<QdrantConnection> logger)
    {
        this.logger = logger;
        var qdrant = options.Value.Qdrant;
        Url = qdrant.Url;
        Alias = qdrant.Collection;
        var attemptTimeout = TimeSpan.FromSeconds(Math.Max(1, qdrant.AttemptTimeoutSeconds));
        pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, qdrant.TimeoutSeconds)))
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(QdrantErrors.IsTransient),
                MaxRetryAttempts = Math.Max(0, qdrant.MaxRetryAttempts),
                Delay = qdrant.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = retry =>
                {
                    logger.LogDebug("Qdrant call failed ({Reason}); retry {Attempt} in {Delay}", retry.Outcome.Exception?.Message, retry.AttemptNumber + 1, retry.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(attemptTimeout)
            .Build();

        if (!Uri.TryCreate(qdrant.Url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return; // Reported by the first call, so a host still starts and reports itself unhealthy.
        }

        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = attemptTimeout,
                EnableMultipleHttp2Connections = true,
                // Finds a dead connection (e.g. a cluster node gone) instead of waiting on it.
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
            // Timeouts cancel the call; OperationCanceledException lets the pipeline tell them from server errors.
            ThrowOperationCanceledOnCancellation = true,
            // After a failed connection the channel waits before dialling again (1 s doubling to 2 min by default);
            // short waits let a restarted server be used again within seconds.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(250),
            MaxReconnectBackoff = TimeSpan.FromSeconds(5),
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        var invoker = string.IsNullOrEmpty(qdrant.ApiKey)
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("api-key", qdrant.ApiKey);
                return metadata;
            });
        // No client-side deadline (the pipeline times calls out) and no library logging: its error log of every
        // failed attempt, stack trace included, would repeat what the one-line error already says.
        client = new QdrantClient(new QdrantGrpcClient(invoker), default, NullLoggerFactory.Instance);
    }

    public string Url { get; }

    /// <summary>The configured collection name, an alias of the collection that holds the current build.</summary>
    public string Alias { get; }

    /// <summary>Runs one Qdrant call with timeouts and retries; <paramref name="collection"/> names what it addressed in errors.</summary>
    public async Task<T> RunAsync<T>(string collection, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (client is null) throw QdrantErrors.InvalidUrl(Url);
        try
        {
            return await pipeline.ExecuteAsync(async token => await call(client, token), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "Qdrant call on {Collection} at {Url} failed", collection, Url);
            throw QdrantErrors.From(e, Url, collection);
        }
    }

    public Task RunAsync(string collection, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(collection, async (qdrant, token) =>
        {
            await call(qdrant, token);
            return true;
        }, cancellationToken);

    public Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken) =>
        RunAsync(collection, (qdrant, token) => qdrant.CollectionExistsAsync(collection, token), cancellationToken);

    /// <summary>The collection the alias points at, or null when there is no such alias.</summary>
    public async Task<string?> AliasTargetAsync(CancellationToken cancellationToken)
    {
        var aliases = await RunAsync(Alias, (qdrant, token) => qdrant.ListAliasesAsync(token), cancellationToken);
        return aliases.FirstOrDefault(alias => alias.AliasName == Alias)?.CollectionName;
    }

    public void Dispose()
    {
        client?.Dispose();
        channel?.Dispose();
    }
}
