using System.Net;
using Assistant.Storage;
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
        for (var i = 0; i < 3; i++) server.FailNext(HttpStatusCode.ServiceUnavailable, """{"status":{"error":"Service internal error: some shards are not ready"},"time":0.0}""");
        var outage = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatusAsync(Ct));
        QdrantErrorTests.AssertOneLine(outage, server.Url, "503", "some shards are not ready");

        Assert.False((await index.GetStatusAsync(Ct)).Exists);
        Assert.StartsWith("Qdrant (", index.Name);
    }
}
