using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Assistant.Web.Bot.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys (JWKS with endorsements), cached and refreshed by
/// Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/>: automatically every 12 h, and on request when a token
/// names a key id we have not seen (keys can be rolled at any time).
/// </summary>
public sealed class BotMetadataProvider
{
    public const string HttpClientName = "BotOpenIdMetadata";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public BotMetadataProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
    {
        var url = options.Value.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            // Plain http is only acceptable for a metadata endpoint on this machine (tests, local emulation).
            RequireHttps = !IsLoopback(url),
        };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>Asks for fresh metadata on the next <see cref="GetAsync"/> (throttled by the manager).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
