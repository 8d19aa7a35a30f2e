using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Assistant.Documents;
using Assistant.Storage;
using Assistant.Web.Bot.Formatting;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Documents;

/// <summary>
/// <c>GET /documents/{documentId}?start=&amp;end=</c>: the page a citation link opens — the document's text as it was
/// extracted and indexed (every offset refers to it), right to left, with the cited span (UTF-16 offsets, end
/// exclusive) in a <c>&lt;mark&gt;</c> scrolled into view, and a link to the original file (<see cref="OriginalFile"/>).
/// Errors are an Arabic page for a browser (a request that accepts <c>text/html</c>) and problem details for any other
/// client, with the same Arabic title and message.
/// </summary>
public static class DocumentPage
{
    public static IEndpointRouteBuilder MapDocumentPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{**documentId}", RenderAsync);
        endpoints.MapGet(OriginalFile.Route, OriginalFile.DownloadAsync);
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> RenderAsync(
        string documentId, string? start, string? end, IPassageIndex index, HttpRequest request, CancellationToken cancellationToken)
    {
        // Inline CSS only, no scripts: the page shows corpus text and nothing else.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";

        var document = await index.GetDocumentAsync(documentId, cancellationToken);
        if (document is null)
        {
            return Error(request, StatusCodes.Status404NotFound, NotFoundCode, NotFoundTitle, NotFoundMessage(documentId));
        }
        if (!TryReadRange(start, end, document.Text.Length, out var range))
        {
            return Error(request, StatusCodes.Status400BadRequest, "BadRange", "موضع غير صالح",
                $"الموضع المطلوب غير صالح: يجب أن يكون 0 ≤ start < end ≤ {document.Text.Length}.");
        }
        return Html(StatusCodes.Status200OK, document.Title, Body(document, range));
    }

    public const string NotFoundCode = "DocumentNotFound";

    public const string NotFoundTitle = "الوثيقة غير موجودة";

    public static string NotFoundMessage(string documentId) => $"لا توجد وثيقة بالمعرّف «{documentId}».";

    /// <summary>An error as the caller can read it: the Arabic page for a browser, problem details for any other client.</summary>
    private static Results<ContentHttpResult, ProblemHttpResult> Error(HttpRequest request, int status, string code, string title, string message) =>
        AcceptsHtml(request) ? ErrorPage(status, title, message) : Problems.Of(status, code, message, title);

    /// <summary>An error as a page of this site: the title as its heading, the message below it.</summary>
    public static ContentHttpResult ErrorPage(int status, string title, string message) => Html(status, title, $"<p>{Encode(message)}</p>");

    /// <summary>Both or neither (absent or empty) of start and end, as UTF-16 offsets with 0 ≤ start &lt; end ≤ length; anything else is refused.</summary>
    private static bool TryReadRange(string? start, string? end, int length, out Range? range)
    {
        range = null;
        if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end)) return true;
        if (!int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            || !int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var e)
            || s >= e || e > length)
        {
            return false;
        }
        range = s..e;
        return true;
    }

    /// <summary>A browser asks for <c>text/html</c> by name; API clients ask for JSON or send no Accept at all.</summary>
    public static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Body(SourceDocument document, Range? range)
    {
        var text = document.Text;
        var html = new StringBuilder()
            .Append("<p class=\"source\"><a href=\"").Append(Encode(OriginalFile.PathFor(document.DocumentId))).Append("\" download>")
            .Append(Encode(document.DocumentId)).Append("</a> (الملف الأصلي)</p>\n<article>");
        if (range is { } cited)
        {
            html.Append(Encode(text[..cited.Start]))
                .Append("<mark id=\"").Append(DocumentLinks.CitedAnchor).Append("\">").Append(Encode(text[cited])).Append("</mark>")
                .Append(Encode(text[cited.End..]));
        }
        else
        {
            html.Append(Encode(text));
        }
        return html.Append("</article>").ToString();
    }

    private static ContentHttpResult Html(int status, string title, string body) => TypedResults.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: "Noto Naskh Arabic", "DejaVu Sans", sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; }
        article { white-space: pre-wrap; }
        mark { background: #ffe066; padding: 0.1em 0; }
        .source { color: #666; font-size: 0.9em; direction: ltr; text-align: right; }
        </style>
        </head>
        <body>
        <h1>{{Encode(title)}}</h1>
        {{body}}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    // Arabic stays readable in the source instead of becoming numeric character references.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
