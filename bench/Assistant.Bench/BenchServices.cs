using System.Collections;
using Assistant.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Bench;

/// <summary>
/// The product's services exactly as the hosts build them (service defaults included: telemetry is exported when the
/// harness's environment sets <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, as in the CLI), pointed at a corpus and an index
/// folder of the bench's choosing.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string corpus, string index)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:Path"] = corpus, ["Index:Path"] = index })
            .AddInMemoryCollection(OpenTelemetrySettings())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddServiceDefaults(configuration, "Assistant.Bench");
        services.AddAssistantCore(configuration);
        var provider = services.BuildServiceProvider();
        provider.StartTelemetry();
        return provider;
    }

    /// <summary>The standard OTEL_* variables of this process, under their own names, as a host's configuration has them.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> OpenTelemetrySettings() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Key is string key && key.StartsWith("OTEL_", StringComparison.Ordinal))
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string));
}
