using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Assistant.Web.Bot.Connector;

/// <summary>
/// Gets the Connector token with MSAL: client credentials against <c>botframework.com</c> (multi-tenant) or the bot's
/// tenant (single-tenant), or the host's user-assigned managed identity. MSAL caches the token until shortly before expiry.
/// </summary>
public sealed class MsalBotTokenProvider(IOptions<BotOptions> options) : IBotTokenProvider
{
    private const string Scope = "https://api.botframework.com/.default";
    private const string Resource = "https://api.botframework.com";

    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire = new(() => Create(options.Value));

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await _acquire.Value(cancellationToken)).AccessToken;

    private static Func<CancellationToken, Task<AuthenticationResult>> Create(BotOptions bot)
    {
        if (string.Equals(bot.MicrosoftAppType, BotAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(bot.MicrosoftAppId)).Build();
            return ct => msi.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct);
        }

        var tenant = string.Equals(bot.MicrosoftAppType, BotAppTypes.SingleTenant, StringComparison.OrdinalIgnoreCase)
            ? RequireTenant(bot)
            : "botframework.com";
        var app = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
        return ct => app.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
    }

    private static string RequireTenant(BotOptions bot) =>
        string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId)
            ? throw new InvalidOperationException("Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is SingleTenant.")
            : bot.MicrosoftAppTenantId;
}
