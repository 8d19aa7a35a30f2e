using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Assistant.Web.Bot.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys (JWKS with endorsements), cached and refreshed every 12 h by
/// Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/>. Keys can be rolled at any time, so a token naming an
/// unknown key id triggers a fetch before it is judged — at most once a minute, so forged key ids cannot flood the
/// metadata endpoint.
/// </summary>
public sealed class BotMetadataProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time)
{
    public const string HttpClientName = "BotOpenIdMetadata";
    private static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _refreshLock = new();
    private ConfigurationManager<OpenIdConnectConfiguration>? _manager;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        Manager().GetConfigurationAsync(cancellationToken);

    /// <summary>Fresh metadata, fetched now unless a forced fetch happened within the last minute.</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_refreshLock)
        {
            var now = time.GetUtcNow();
            if (now - _lastForcedRefresh >= ForcedRefreshInterval)
            {
                _lastForcedRefresh = now;
                // RequestRefresh() on the existing manager refreshes in the background and answers with the stale keys
                // meanwhile; a new manager fetches before it answers.
                _manager = CreateManager();
            }
        }
        return GetAsync(cancellationToken);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager()
    {
        lock (_refreshLock)
        {
            return _manager ??= CreateManager();
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager()
    {
        var url = options.Value.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            // Plain http is only acceptable for a metadata endpoint on this machine (tests, local emulation).
            RequireHttps = !IsLoopback(url),
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
