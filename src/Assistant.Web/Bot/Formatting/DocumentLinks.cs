using System.Collections.Concurrent;
using Assistant.Answering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// Links into this host's document page (<c>/documents/{id}?start=&amp;end=</c>), which shows a cited span highlighted.
/// The base is <c>Bot:PublicBaseUrl</c> when set (the address users reach, e.g. behind a proxy), else the address the
/// request came in on, else the first address the server listens on.
/// </summary>
public sealed class DocumentLinks(IOptions<BotOptions> options, IServer server)
{
    public const string CitedAnchor = "cited";

    public Uri ResolveBase(HttpRequest? request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return WithSlash(options.Value.PublicBaseUrl);
        }
        if (request is not null)
        {
            return WithSlash($"{request.Scheme}://{request.Host}{request.PathBase}");
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard listen address (0.0.0.0, [::], +, *) is no address a browser can open.
        var uri = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        return WithSlash(uri.Uri.AbsoluteUri);
    }

    public static string For(Uri baseUri, Citation citation) =>
        $"{DocumentPage(baseUri, citation.DocumentId)}?start={citation.Start}&end={citation.End}#{CitedAnchor}";

    /// <summary>
    /// The document's page resolved against the base (dot segments and all, as <see cref="Uri"/> resolves them), kept
    /// for the next citation of the document: resolving it was a few per cent of a reply's cost, and the query and
    /// anchor after the path never change how the path resolves.
    /// </summary>
    private static string DocumentPage(Uri baseUri, string documentId)
    {
        var key = (baseUri.OriginalString, documentId);
        if (Pages.TryGetValue(key, out var page)) return page;
        page = new Uri(baseUri, $"documents/{EscapePath(documentId)}").AbsoluteUri;
        // Bounded: the request's host name is one of the keys, and it is the caller's to choose.
        if (Interlocked.Increment(ref _pagesAdded) > MaxPages)
        {
            Pages.Clear();
            Interlocked.Exchange(ref _pagesAdded, 0);
        }
        Pages[key] = page;
        return page;
    }

    private const int MaxPages = 4_096;
    private static readonly ConcurrentDictionary<(string Base, string DocumentId), string> Pages = new();
    private static int _pagesAdded;

    /// <summary>Document ids are relative paths: escape each segment, keep the '/' between them.</summary>
    private static string EscapePath(string documentId) =>
        string.Join('/', documentId.Split('/').Select(Uri.EscapeDataString));

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
