using Assistant.Storage.Qdrant;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The same scenarios against a real Qdrant (1.19 or later), e.g. `docker run -p 6333:6333 qdrant/qdrant` and
/// QDRANT_URL=http://localhost:6333 (QDRANT_API_KEY when the server needs one). Each test uses its own collection and
/// drops it afterwards. Skipped, visibly, when QDRANT_URL is not set.
/// </summary>
public sealed class QdrantIntegrationTests : QdrantScenarios
{
    protected override ValueTask<string> StartServerAsync()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Skip("QDRANT_URL not set: start Qdrant (docker run -p 6333:6333 qdrant/qdrant) and set QDRANT_URL=http://localhost:6333 to run these against a real server.");
        }
        return ValueTask.FromResult(url);
    }

    protected override async ValueTask StopServerAsync()
    {
        await using var services = QdrantTestServices.ClientServices(Settings);
        var client = services.GetRequiredService<QdrantRestClient>();
        if (await client.CollectionExistsAsync(CancellationToken.None)) await client.DeleteCollectionAsync(CancellationToken.None);
    }
}
