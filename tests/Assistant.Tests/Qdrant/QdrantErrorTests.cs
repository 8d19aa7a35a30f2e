using System.Net;
using System.Net.Sockets;
using Assistant.Storage;
using Assistant.Storage.Qdrant;
using Microsoft.Extensions.DependencyInjection;


namespace Assistant.Tests.Qdrant;

/// <summary>Every failure becomes one clear line naming Qdrant, the URL and what to do; only transient ones are retried.</summary>
public sealed class QdrantErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unreachable_server_names_the_url_and_how_to_start_qdrant()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(url));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, url, "unreachable", "docker run -p 6333:6333 qdrant/qdrant");
    }

    [Fact]
    public async Task Missing_api_key_gives_qdrant_plain_text_401_and_points_at_the_setting()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "secret");
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, server.Url, "401", "Must provide an API key", "Index:Qdrant:ApiKey");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Configured_api_key_is_sent_in_the_api_key_header()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "secret");
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url, apiKey: "secret"));

        Assert.False(await Client(services).CollectionExistsAsync(Ct));
        Assert.Equal("secret", Assert.Single(server.Requests).ApiKey);
    }

    [Fact]
    public async Task Missing_collection_404_says_to_run_index()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        var client = Client(services);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => client.GetCollectionAsync(Ct));

        AssertOneLine(error, server.Url, "404", client.Collection, "doesn't exist", "assistant index");
    }

    [Fact]
    public async Task Existing_collection_409_is_reported_as_a_conflict()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        var client = Client(services);
        await client.CreateCollectionAsync(QdrantCollectionLayout.CreateRequest("e", 3), Ct);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => client.CreateCollectionAsync(QdrantCollectionLayout.CreateRequest("e", 3), Ct));

        AssertOneLine(error, server.Url, "409", "already exists", "another process");
    }

    [Fact]
    public async Task Validation_error_422_carries_qdrant_message_on_one_line_and_is_not_retried()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(HttpStatusCode.UnprocessableEntity, """{"status":{"error":"Validation error in JSON body: [limit: value 0 invalid,\nmust be 1 or more]"},"time":0.0}""");

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, server.Url, "422", "Validation error in JSON body: [limit: value 0 invalid, must be 1 or more]", "1.19");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Transient_503_is_retried_and_the_call_succeeds()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(HttpStatusCode.ServiceUnavailable, """{"status":{"error":"Service internal error: shard unavailable"},"time":0.0}""");

        Assert.False(await Client(services).CollectionExistsAsync(Ct));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_configured_retries()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        for (var i = 0; i < 3; i++) server.FailNext(HttpStatusCode.InternalServerError, "boom", "text/plain");

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, server.Url, "500", "boom", "logs");
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_is_not_qdrant_is_named_as_such()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(HttpStatusCode.OK, "<html>router login</html>", "text/html");

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, server.Url, "did not answer like Qdrant", "Index:Qdrant:Url");
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_refused_before_any_request()
    {
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings("localhost:6333"));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => Client(services).CollectionExistsAsync(Ct));

        AssertOneLine(error, "localhost:6333", "Index:Qdrant:Url");
    }

    [Fact]
    public async Task Without_resilience_overrides_the_defaults_apply()
    {
        await using var server = await QdrantDouble.StartAsync();
        var settings = QdrantTestServices.Settings(server.Url);
        foreach (var key in settings.Keys.Where(key => key.StartsWith("Index:Qdrant:Resilience:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        await using var services = QdrantTestServices.ClientServices(settings);
        server.FailNext(HttpStatusCode.ServiceUnavailable, """{"status":{"error":"Service internal error: shard unavailable"},"time":0.0}""");

        Assert.False(await Client(services).CollectionExistsAsync(Ct));
        Assert.Equal(2, server.Requests.Count);
    }

    internal static void AssertOneLine(Exception error, params string[] expected)
    {
        Assert.DoesNotContain('\n', error.Message);
        foreach (var part in expected) Assert.Contains(part, error.Message);
    }

    private static QdrantRestClient Client(IServiceProvider services) => services.GetRequiredService<QdrantRestClient>();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
