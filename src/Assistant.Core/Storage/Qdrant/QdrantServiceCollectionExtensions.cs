using Assistant.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Assistant.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Qdrant <see cref="IPassageIndex"/> (settings under <c>Index:Qdrant</c>). Its HttpClient gets the
    /// standard resilience pipeline: per-attempt timeout of <c>Index:Qdrant:TimeoutSeconds</c>, retries with backoff for
    /// transient failures only (connection errors, 408, 429, 5xx) and a circuit breaker; any of its settings can be
    /// overridden under <c>Index:Qdrant:Resilience</c> (e.g. <c>Retry:MaxRetryAttempts</c>).
    /// </summary>
    public static IServiceCollection AddQdrantPassageIndex(this IServiceCollection services, IConfiguration configuration)
    {
        // AddAssistantCore binds these too; binding here lets the back-end be registered on its own.
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));

        var resilienceSection = configuration.GetSection($"{IndexOptions.Section}:Qdrant:Resilience");
#pragma warning disable EXTEXP0001
        var resilience = services.AddHttpClient(QdrantRestClient.HttpClientName, (provider, client) =>
            {
                // The resilience pipeline owns timeouts.
                client.Timeout = Timeout.InfiniteTimeSpan;
                var apiKey = provider.GetRequiredService<IOptions<IndexOptions>>().Value.Qdrant.ApiKey;
                if (!string.IsNullOrEmpty(apiKey))
                {
                    client.DefaultRequestHeaders.Add("api-key", apiKey);
                }
            })
            // Replaces the service defaults' handler with one tuned below (the removal API is marked experimental).
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions options, IServiceProvider provider) =>
            {
                var attempt = TimeSpan.FromSeconds(Math.Max(1, provider.GetRequiredService<IOptions<IndexOptions>>().Value.Qdrant.TimeoutSeconds));
                options.AttemptTimeout.Timeout = attempt;
                // Shorter than the 2 s default: a command-line user waiting on a stopped server should hear of it in seconds.
                options.Retry.Delay = TimeSpan.FromMilliseconds(500);
                options.TotalRequestTimeout.Timeout = attempt * (options.Retry.MaxRetryAttempts + 1) + TimeSpan.FromSeconds(30);
                options.CircuitBreaker.SamplingDuration = attempt * 2;
            });
#pragma warning restore EXTEXP0001
        // Binding an absent section throws, so overrides are bound only when given.
        if (resilienceSection.Exists())
        {
            resilience.Configure(resilienceSection);
        }

        services.AddSingleton<QdrantRestClient>();
        services.AddSingleton<IPassageIndex, QdrantPassageIndex>();
        return services;
    }
}
