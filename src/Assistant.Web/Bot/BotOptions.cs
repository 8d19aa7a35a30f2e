using System.ComponentModel.DataAnnotations;

namespace Assistant.Web.Bot;

/// <summary>The <c>Bot</c> configuration section. No app id means local mode: no inbound auth, replies only to loopback.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";
    /// <summary><c>MultiTenant</c> | <c>SingleTenant</c> | <c>UserAssignedMSI</c>; decides the outbound token's authority.</summary>
    public string MicrosoftAppType { get; set; } = BotAppTypes.MultiTenant;

    /// <summary>Bot Connector OpenID metadata; change it for sovereign clouds (or tests).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>Base URL of this host for citation links (e.g. its public https address behind a proxy); empty = the request's own.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Largest accepted activity, as UTF-8 JSON (a bigger body gets 413 and is never held in memory); Direct Line allows 256K characters.</summary>
    [Range(1024, 4 * 1024 * 1024, ErrorMessage = "Bot:MaxActivityBytes must be between {1} and {2}.")]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Activities waiting for a background turn before /api/messages answers 503.</summary>
    [Range(1, 100_000, ErrorMessage = "Bot:QueueCapacity must be between {1} and {2}.")]
    public int QueueCapacity { get; set; } = 256;
    /// <summary>Turns answered at the same time.</summary>
    [Range(1, 256, ErrorMessage = "Bot:MaxConcurrentTurns must be between {1} and {2}.")]
    public int MaxConcurrentTurns { get; set; } = 4;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Issuers used when none are configured: the public Bot Connector.</summary>
    public IReadOnlyList<string> EffectiveIssuers => ValidIssuers.Count > 0 ? ValidIssuers : ["https://api.botframework.com"];
}

public static class BotAppTypes
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";
}
