using Assistant.Configuration;
using Assistant.Web.Bot.Auth;
using Assistant.Web.Bot.Connector;
using Assistant.Web.Bot.Formatting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Web.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>Section of the <c>Bot</c> configuration holding the Connector client's resilience options (retry, timeouts).</summary>
    public const string ConnectorResilienceSection = "Bot:ConnectorResilience";

    /// <summary>
    /// Registers the Bot Framework endpoint's services: auth, Connector client, processor and background turns.
    /// Needs the core (<c>AddAssistantCore</c>) for answers, the index and <c>Answering:MaxQuestionChars</c>.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().BindSettings(BotOptions.Section);
        services.AddSettingsSection(ConnectorResilienceSection);

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotMetadataProvider.HttpClientName);
        services.AddSingleton<BotMetadataProvider>();
        services.AddSingleton<BotTokenValidator>();

        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        // Standard pipeline: retries with exponential backoff and jitter on 408/429/5xx (honouring Retry-After),
        // attempt and total timeouts, circuit breaker; tunable under Bot:ConnectorResilience.
        // No redirects: a serviceUrl passed ServiceUrlPolicy, the place it redirects to did not, and must get neither the
        // reply nor the bot's token. A 3xx is logged as a refusal like any other non-success.
        // It replaces the service defaults' handler (the removal API is marked experimental, hence the pragma).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<ConnectorClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience => configuration.GetSection(ConnectorResilienceSection).Bind(resilience));
#pragma warning restore EXTEXP0001

        services.AddSingleton<DocumentLinks>();
        services.AddSingleton<BotActivityProcessor>();
        services.AddSingleton<IBotActivityProcessor>(sp => sp.GetRequiredService<BotActivityProcessor>());
        services.AddSingleton<BotTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<BotTurnQueue>());
        return services;
    }
}
