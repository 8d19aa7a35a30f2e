using Assistant.Configuration;
using Assistant.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Cli;

/// <summary>
/// Builds the same services as every other host from the shared appsettings.json (the copy next to the program, then
/// one in the working directory), environment variables overriding both (e.g. Index__Path=/tmp/x).
/// Logs go to standard error (warnings and up by default), so standard output stays clean for JSON. With
/// OTEL_EXPORTER_OTLP_ENDPOINT set, a command's spans and metrics are exported and flushed when the provider is disposed.
/// </summary>
internal static class CliServices
{
    /// <param name="logging">A command's own log filters (e.g. quieter for what it reports itself).</param>
    public static ServiceProvider Build(Action<ILoggingBuilder>? logging = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            // A command-line tool stays quiet unless asked (e.g. Logging__LogLevel__Default=Debug).
            .AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")])
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder =>
        {
            builder
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging?.Invoke(builder);
        });
        services.AddServiceDefaults(configuration, "assistant");
        services.AddAssistantCore(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            // Settings are checked before any work, so a bad one is named at once rather than failing midway.
            provider.ValidateSettings();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        provider.StartTelemetry();
        return provider;
    }
}
