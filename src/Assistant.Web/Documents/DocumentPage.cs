using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Assistant.Documents;
using Assistant.Storage;
using Assistant.Web.Bot.Formatting;

namespace Assistant.Web.Documents;

/// <summary>
/// <c>GET /documents/{documentId}?start=&amp;end=</c>: the page a citation link opens — the document's text as it was
/// extracted and indexed (every offset refers to it), right to left, with the cited span (UTF-16 offsets, end
/// exclusive) in a <c>&lt;mark&gt;</c> scrolled into view, and a link to the original file (<see cref="OriginalFile"/>).
/// </summary>
public static class DocumentPage
{
    public static IEndpointRouteBuilder MapDocumentPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{**documentId}", RenderAsync);
        endpoints.MapGet(OriginalFile.Route, OriginalFile.DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(string documentId, int? start, int? end, IPassageIndex index, HttpResponse response, CancellationToken cancellationToken)
    {
        // Inline CSS only, no scripts: the page shows corpus text and nothing else.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";

        var document = await index.GetDocumentAsync(documentId, cancellationToken);
        if (document is null)
        {
            return Html(StatusCodes.Status404NotFound, "الوثيقة غير موجودة", $"<p>لا توجد وثيقة بالمعرّف «{Encode(documentId)}».</p>");
        }
        if (start is null != end is null || start < 0 || end > document.Text.Length || start >= end)
        {
            return Html(StatusCodes.Status400BadRequest, "موضع غير صالح",
                $"<p>الموضع المطلوب غير صالح: يجب أن يكون 0 ≤ start &lt; end ≤ {document.Text.Length}.</p>");
        }
        return Html(StatusCodes.Status200OK, document.Title, Body(document, start, end));
    }

    private static string Body(SourceDocument document, int? start, int? end)
    {
        var text = document.Text;
        var html = new StringBuilder()
            .Append("<p class=\"source\"><a href=\"").Append(Encode(OriginalFile.PathFor(document.DocumentId))).Append("\" download>")
            .Append(Encode(document.DocumentId)).Append("</a> (الملف الأصلي)</p>\n<article>");
        if (start is int s && end is int e)
        {
            html.Append(Encode(text[..s]))
                .Append("<mark id=\"").Append(DocumentLinks.CitedAnchor).Append("\">").Append(Encode(text[s..e])).Append("</mark>")
                .Append(Encode(text[e..]));
        }
        else
        {
            html.Append(Encode(text));
        }
        return html.Append("</article>").ToString();
    }

    private static IResult Html(int status, string title, string body) => Results.Content(
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
