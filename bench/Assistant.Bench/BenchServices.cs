using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Bench;

/// <summary>The product's services exactly as the hosts build them, pointed at a corpus and an index folder of the bench's choosing.</summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string corpus, string index)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:Path"] = corpus, ["Index:Path"] = index })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddAssistantCore(configuration);
        return services.BuildServiceProvider();
    }
}
