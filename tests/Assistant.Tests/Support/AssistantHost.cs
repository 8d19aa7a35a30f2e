using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Support;

/// <summary>The services every host builds, configured for a test: a corpus folder and a private index folder.</summary>
internal static class AssistantHost
{
    public static ServiceProvider Build(string corpus, string indexPath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = corpus,
            ["Index:Path"] = indexPath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepoRoot, "appsettings.json"))
            .AddInMemoryCollection(values)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAssistantCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
