using Assistant.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;

namespace Assistant.Web.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The embedded Direct Line channel and its options (section <c>DirectLine</c>). The bot's
    /// <see cref="Bot.IBotActivityProcessor"/> is registered elsewhere.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .BindSettings(DirectLineOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        // In this process by default; State:Redis replaces it with DistributedConversationStore (AddSharedState).
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.AddSingleton<EmbeddedServiceUrl>();
        services.AddSingleton<EmbeddedChannel>();
        services.AddDirectLineRateLimits();
        return services;
    }

    /// <summary>The middleware the Direct Line routes need: the rate limiter of token and conversation creation.</summary>
    public static WebApplication UseDirectLine(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Serves the web chat page (<c>GET /</c>) and its files from the <c>wwwroot</c> copied next to the assembly,
    /// so it works whatever the content root (repository root, project folder, test host).
    /// </summary>
    public static WebApplication UseWebChatPage(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
