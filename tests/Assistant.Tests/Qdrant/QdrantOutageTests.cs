using Assistant.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Qdrant;

/// <summary>What a health check sees: the index reports Qdrant's outage as <see cref="IndexUnavailableException"/> and works again once Qdrant does.</summary>
public sealed class QdrantOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_fails_with_a_clear_message_while_qdrant_fails_and_recovers_without_a_restart()
    {
        await using var server = await QdrantDouble.StartAsync();
        var services = new ServiceCollection();
        services.AddAssistantCore(QdrantTestServices.Configuration(QdrantTestServices.Settings(server.Url)));
        await using var provider = services.BuildServiceProvider();
        var index = provider.GetRequiredService<IPassageIndex>();
        Assert.False((await index.GetStatusAsync(Ct)).Exists);

        // Three failures: the first attempt and both retries configured for tests.
        server.FailNext(StatusCode.Unavailable, "Service unavailable: some shards are not ready", times: 3);
        var outage = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatusAsync(Ct));
        QdrantErrorTests.AssertOneLine(outage, server.Url, "Unavailable", "some shards are not ready");

        Assert.False((await index.GetStatusAsync(Ct)).Exists);
        Assert.StartsWith("Qdrant (", index.Name);
    }

    [Fact]
    public async Task A_stopped_server_is_unreachable_and_a_new_one_on_the_same_port_is_used_again()
    {
        var server = await QdrantDouble.StartAsync();
        var services = new ServiceCollection();
        services.AddAssistantCore(QdrantTestServices.Configuration(QdrantTestServices.Settings(server.Url)));
        await using var provider = services.BuildServiceProvider();
        var index = provider.GetRequiredService<IPassageIndex>();
        Assert.False((await index.GetStatusAsync(Ct)).Exists);

        var port = new Uri(server.Url).Port;
        await server.DisposeAsync();
        var outage = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatusAsync(Ct));
        QdrantErrorTests.AssertOneLine(outage, server.Url, "unreachable");

        await using var restarted = await QdrantDouble.StartAsync(port: port);
        // The channel dials again after its reconnect wait (at most 5 s), so the next health probes succeed.
        IndexStatus? status = null;
        for (var probe = 1; status is null; probe++)
        {
            try
            {
                status = await index.GetStatusAsync(Ct);
            }
            catch (IndexUnavailableException) when (probe < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            }
        }
        Assert.False(status.Exists);
    }
}
