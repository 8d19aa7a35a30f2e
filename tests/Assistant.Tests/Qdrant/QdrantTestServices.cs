using Assistant.Storage.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Qdrant;

/// <summary>Configuration and services pointing the Qdrant back-end at a given server, with fast retries for tests.</summary>
internal static class QdrantTestServices
{
    public static Dictionary<string, string?> Settings(string url, string? apiKey = null) => new()
    {
        ["Index:Provider"] = "Qdrant",
        ["Index:Qdrant:Url"] = url,
        ["Index:Qdrant:ApiKey"] = apiKey ?? "",
        // A unique collection per test keeps tests independent on a shared real server.
        ["Index:Qdrant:Collection"] = $"assistant_test_{Guid.NewGuid():N}",
        ["Index:Qdrant:BatchSize"] = "16",
        ["Index:Qdrant:TimeoutSeconds"] = "10",
        ["Index:Qdrant:Resilience:Retry:MaxRetryAttempts"] = "2",
        ["Index:Qdrant:Resilience:Retry:Delay"] = "00:00:00.010",
        ["Index:Qdrant:Resilience:Retry:UseJitter"] = "false",
    };

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>Only the Qdrant registrations (enough for the REST client).</summary>
    public static ServiceProvider ClientServices(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQdrantPassageIndex(Configuration(settings));
        return services.BuildServiceProvider();
    }
}
