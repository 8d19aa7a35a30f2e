using Assistant.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Assistant.ServiceDefaults;

/// <summary>
/// What every host shares: health checks, OpenTelemetry (the answer pipeline's spans and metrics, incoming requests,
/// outgoing HTTP calls) exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and the standard
/// resilience pipeline for every HttpClient. The web host calls <see cref="AddServiceDefaults{TBuilder}"/> and
/// <see cref="MapDefaultEndpoints"/>; the CLI, which has no generic host, calls
/// <see cref="AddServiceDefaults(IServiceCollection, IConfiguration, string)"/> and <see cref="StartTelemetry"/>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The standard OpenTelemetry variable; without it no exporter (nor OpenTelemetry at all) is registered.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string ServiceNameKey = "OTEL_SERVICE_NAME";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddServiceDefaults(builder.Configuration, builder.Environment.ApplicationName);
        return builder;
    }

    /// <param name="serviceName">The <c>service.name</c> of exported telemetry unless <c>OTEL_SERVICE_NAME</c> sets it.</param>
    public static IServiceCollection AddServiceDefaults(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddTelemetry(configuration, serviceName);
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        // Retries with backoff on transient failures (408/429/5xx, connection errors), attempt and total timeouts and
        // a circuit breaker for every HttpClient; a client that needs other settings replaces the handler with its own.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: every check (the web host adds the index's), 200 or 503 with the status and, when not healthy,
    /// why in one line (e.g. a damaged index and the command that repairs it); <c>/alive</c>: the process answers at all.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag), ResponseWriter = WriteHealthAsync });
        return app;
    }

    /// <summary>
    /// Starts tracing and metrics in a host without a generic host (the generic host starts them itself); disposing
    /// the service provider flushes what is left.
    /// </summary>
    public static void StartTelemetry(this IServiceProvider services)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
    }

    private static void AddTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        // No endpoint: nothing is registered, so nothing listens, the pipeline's spans are never created and its
        // instruments record into nothing.
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration[ServiceNameKey]))
                {
                    resource.AddService(serviceName);
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(AnswerActivities.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = request => !IsProbe(request))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AnswerActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            // Endpoint, protocol (grpc or http/protobuf), headers and the metric export interval come from the standard
            // OTEL_EXPORTER_OTLP_* and OTEL_METRIC_EXPORT_INTERVAL settings.
            .UseOtlpExporter();
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var why = string.Join(" ", report.Entries.Values
            .Where(entry => entry.Status != HealthStatus.Healthy && !string.IsNullOrEmpty(entry.Description))
            .Select(entry => entry.Description));
        return context.Response.WriteAsync(why.Length == 0 ? report.Status.ToString() : $"{report.Status}: {why}");
    }

    /// <summary>Health probes arrive every few seconds and would drown the traces that matter.</summary>
    private static bool IsProbe(HttpContext request) =>
        request.Request.Path.StartsWithSegments("/healthz") || request.Request.Path.StartsWithSegments("/alive");
}
