using Assistant.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Tests.Llm;

/// <summary>An embedded index of the repository's seed documents in a temporary folder, built once for a test class.</summary>
public sealed class SeedIndexFixture : IAsyncLifetime
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "assistant-llm-tests-" + Guid.NewGuid().ToString("N"));

    public static string SeedsPath { get; } = FindSeeds();

    /// <summary>The core services over this index; <paramref name="configure"/> adds or replaces registrations (a chat model double, …).</summary>
    public ServiceProvider Services(Action<IServiceCollection>? configure = null) => Services(_indexPath, configure);

    /// <summary>The core services over the seeds with the index at <paramref name="indexPath"/>.</summary>
    public static ServiceProvider Services(string indexPath, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:Path"] = SeedsPath, ["Index:Path"] = indexPath })
            .Build();
        var services = new ServiceCollection().AddAssistantCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask InitializeAsync()
    {
        await using var services = Services();
        await services.GetRequiredService<IndexInitializer>().EnsureIndexAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static string FindSeeds()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Assistant.sln")))
            {
                return Path.Combine(folder.FullName, "seeds");
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Assistant.sln and seeds/) is not above the test output folder.");
    }
}
