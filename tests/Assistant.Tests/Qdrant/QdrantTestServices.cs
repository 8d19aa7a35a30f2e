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
        // A unique collection (alias) per test keeps tests independent on a shared real server.
        ["Index:Qdrant:Collection"] = $"assistant_test_{Guid.NewGuid():N}",
        ["Index:Qdrant:BatchSize"] = "16",
        ["Index:Qdrant:TimeoutSeconds"] = "30",
        ["Index:Qdrant:AttemptTimeoutSeconds"] = "10",
        ["Index:Qdrant:MaxRetryAttempts"] = "2",
        ["Index:Qdrant:RetryDelay"] = "00:00:00.010",
    };

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>Only the Qdrant registrations (enough for the connection).</summary>
    public static ServiceProvider ClientServices(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQdrantPassageIndex(Configuration(settings));
        return services.BuildServiceProvider();
    }

    public static QdrantConnection Connection(IServiceProvider services) => services.GetRequiredService<QdrantConnection>();
}
