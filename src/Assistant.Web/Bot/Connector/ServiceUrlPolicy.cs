using System.Net;

namespace Assistant.Web.Bot.Connector;

/// <summary>
/// Decides whether the bot may call an activity's serviceUrl, and with which credentials (docs/protocols.md A10): only a
/// serviceUrl vouched for by a validated token gets the bot's token; unauthenticated activities may only be answered on
/// this machine, so the bot can never be used to make requests to arbitrary hosts.
/// </summary>
public static class ServiceUrlPolicy
{
    /// <summary>The absolute base URL for Connector calls, or null (with a reason) when the origin may not call it.</summary>
    public static Uri? Resolve(string? serviceUrl, ActivityOrigin origin, out string? refusal)
    {
        refusal = null;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            refusal = "serviceUrl is not an absolute http(s) URL";
            return null;
        }
        if (origin != ActivityOrigin.Authenticated && !IsLoopback(uri))
        {
            refusal = "an unauthenticated activity may only be answered on a loopback serviceUrl";
            return null;
        }
        // Relative Connector paths are appended, so keep prefixes such as /amer/ by ending the base with '/'.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
