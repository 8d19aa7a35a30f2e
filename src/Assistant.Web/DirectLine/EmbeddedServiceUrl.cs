using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Assistant.Web.DirectLine;

/// <summary>
/// The <c>serviceUrl</c> this channel stamps on activities it hands to the bot, and the guard on the Connector
/// routes behind it. The bot sends no token to the embedded channel, so the URL carries a random per-process
/// secret segment and replies are accepted only from loopback: nobody else can write into a conversation.
/// </summary>
public sealed class EmbeddedServiceUrl(IServer server)
{
    private const string PathPrefix = "/directline/connector/";

    public const string RoutePrefix = PathPrefix + "{key}";

    private readonly string key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
    private string? baseUrl;

    /// <summary>
    /// <c>http://127.0.0.1:{port}/directline/connector/{key}/</c>: a loopback address of this server, so the
    /// bot's Connector client reaches it even when the page was opened through another host name.
    /// </summary>
    public string For(HttpRequest request)
    {
        baseUrl ??= LoopbackBase(server) ?? $"{request.Scheme}://{request.Host}";
        return $"{baseUrl}{PathPrefix}{key}/";
    }

    /// <summary>True when the request carries this process's key and comes from this machine.</summary>
    public bool Admits(HttpContext context, string presentedKey) =>
        context.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedKey), Encoding.UTF8.GetBytes(key));

    private static string? LoopbackBase(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses
            .Select(address => Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(uri => uri.IsLoopback || IsWildcard(uri.Host) ? 0 : 1)
            .ThenBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var host = IsWildcard(chosen.Host) ? "127.0.0.1" : chosen.Host;
        return $"{chosen.Scheme}://{host}:{chosen.Port}";
    }

    private static bool IsWildcard(string host) => host is "0.0.0.0" or "[::]";
}
