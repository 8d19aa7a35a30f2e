using Assistant.Storage.Qdrant;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The same scenarios against a real Qdrant (1.16 or later) over gRPC, e.g. `docker run -p 6333:6333 -p 6334:6334
/// qdrant/qdrant` and QDRANT_URL=http://localhost:6334 (QDRANT_API_KEY when the server needs one). Each test uses its
/// own alias and drops its collection afterwards. Skipped, visibly, when QDRANT_URL is not set.
/// </summary>
public sealed class QdrantIntegrationTests : QdrantScenarios
{
    protected override ValueTask<string> StartServerAsync()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Skip("QDRANT_URL not set: start Qdrant (docker run -p 6333:6333 -p 6334:6334 qdrant/qdrant) and set QDRANT_URL=http://localhost:6334 (gRPC) to run these against a real server.");
        }
        return ValueTask.FromResult(url);
    }

    protected override async ValueTask StopServerAsync()
    {
        await using var services = QdrantTestServices.ClientServices(Settings);
        var connection = QdrantTestServices.Connection(services);
        // Dropping the collection drops its alias too.
        if (await connection.AliasTargetAsync(CancellationToken.None) is { } collection)
        {
            await connection.RunAsync(collection, (qdrant, token) => qdrant.DeleteCollectionAsync(collection, cancellationToken: token), CancellationToken.None);
        }
    }
}
