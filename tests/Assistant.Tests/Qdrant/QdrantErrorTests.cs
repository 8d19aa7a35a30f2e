using System.Net;
using System.Net.Sockets;
using Assistant.Storage;
using Assistant.Storage.Qdrant;
using Grpc.Core;

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

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, url, "unreachable", "docker run -p 6333:6333 -p 6334:6334 qdrant/qdrant", "6334");
    }

    [Fact]
    public async Task Missing_api_key_is_refused_and_points_at_the_setting_without_a_retry()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "secret");
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, server.Url, "Unauthenticated", "Must provide an API key", "Index:Qdrant:ApiKey");
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task Wrong_api_key_is_refused_and_points_at_the_setting()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "secret");
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url, apiKey: "wrong"));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, server.Url, "PermissionDenied", "Invalid api-key", "Index:Qdrant:ApiKey");
    }

    [Fact]
    public async Task Configured_api_key_is_sent_in_the_api_key_header()
    {
        await using var server = await QdrantDouble.StartAsync(apiKey: "secret");
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url, apiKey: "secret"));

        Assert.False(await ExistsAsync(services));
        Assert.Equal("secret", Assert.Single(server.Calls).ApiKey);
    }

    [Fact]
    public async Task Missing_collection_says_to_run_index()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        var connection = QdrantTestServices.Connection(services);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() =>
            connection.RunAsync(connection.Alias, (qdrant, token) => qdrant.GetCollectionInfoAsync(connection.Alias, token), Ct));

        AssertOneLine(error, server.Url, "NotFound", connection.Alias, "doesn't exist", "assistant index");
    }

    [Fact]
    public async Task Refused_call_carries_qdrant_message_on_one_line_and_is_not_retried()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(StatusCode.InvalidArgument, "Validation error: [limit: value 0 invalid,\nmust be 1 or more]");

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, server.Url, "InvalidArgument", "Validation error: [limit: value 0 invalid, must be 1 or more]", "1.16");
        Assert.Single(server.Calls);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task A_transient_status_is_retried_and_the_call_succeeds(StatusCode status)
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(status, "Service internal error: shard unavailable");

        Assert.False(await ExistsAsync(services));
        Assert.Equal([status, StatusCode.OK], server.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_persistent_transient_failure_gives_up_after_the_configured_retries()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        server.FailNext(StatusCode.Unavailable, "Service unavailable: some shards are not ready", times: 3);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, server.Url, "Unavailable", "some shards are not ready");
        Assert.Equal(3, server.Calls.Count);
    }

    [Fact]
    public async Task An_attempt_that_does_not_answer_is_abandoned_and_retried()
    {
        await using var server = await QdrantDouble.StartAsync();
        var settings = QdrantTestServices.Settings(server.Url);
        settings["Index:Qdrant:AttemptTimeoutSeconds"] = "1";
        await using var services = QdrantTestServices.ClientServices(settings);
        server.HangNext();

        Assert.False(await ExistsAsync(services));
        // The server may note the abandoned call after it has answered the retry.
        Assert.Equal([StatusCode.OK, StatusCode.Cancelled], server.Calls.Select(c => c.Status).Order());
    }

    [Fact]
    public async Task A_server_that_never_answers_gives_a_timeout_naming_the_settings()
    {
        await using var server = await QdrantDouble.StartAsync();
        var settings = QdrantTestServices.Settings(server.Url);
        settings["Index:Qdrant:AttemptTimeoutSeconds"] = "1";
        settings["Index:Qdrant:MaxRetryAttempts"] = "1";
        await using var services = QdrantTestServices.ClientServices(settings);
        server.HangNext(times: 2);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, server.Url, "did not answer in time", "Index:Qdrant:TimeoutSeconds");
    }

    [Fact]
    public async Task A_call_the_server_does_not_implement_points_at_the_grpc_port()
    {
        await using var server = await QdrantDouble.StartAsync();
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        var connection = QdrantTestServices.Connection(services);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() =>
            connection.RunAsync(connection.Alias, (qdrant, token) => qdrant.FacetAsync(connection.Alias, "kind", cancellationToken: token), Ct));

        AssertOneLine(error, server.Url, "Unimplemented", "6334");
        Assert.Equal(StatusCode.Unimplemented, Assert.Single(server.Calls).Status);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_refused_before_any_request()
    {
        await using var services = QdrantTestServices.ClientServices(QdrantTestServices.Settings("localhost:6334"));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => ExistsAsync(services));

        AssertOneLine(error, "localhost:6334", "Index:Qdrant:Url");
    }

    internal static void AssertOneLine(Exception error, params string[] expected)
    {
        Assert.DoesNotContain('\n', error.Message);
        foreach (var part in expected) Assert.Contains(part, error.Message);
    }

    private static Task<bool> ExistsAsync(IServiceProvider services)
    {
        var connection = QdrantTestServices.Connection(services);
        return connection.ExistsAsync(connection.Alias, Ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
