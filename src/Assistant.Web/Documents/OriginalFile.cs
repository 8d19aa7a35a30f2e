using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Documents;

/// <summary>
/// <c>GET /files/{documentId}</c>: the original file (PDF, Word, web page, text) a document was extracted from, as a
/// download. Only a document the index holds is served, and only from inside <c>Corpus:Path</c>: an id that climbs
/// out of the folder, or a link that points out of it, is not found.
/// </summary>
public static class OriginalFile
{
    public const string Route = "/files/{**documentId}";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The site-relative path of the download, each segment of the id escaped.</summary>
    public static string PathFor(string documentId) => "/files/" + string.Join('/', documentId.Split('/').Select(Uri.EscapeDataString));

    public static async Task<Results<PhysicalFileHttpResult, ContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string documentId, IPassageIndex index, IOptions<CorpusOptions> corpus, HttpRequest request, CancellationToken cancellationToken)
    {
        var response = request.HttpContext.Response;
        // A saved web page must not run as this site's page: it is an attachment, sandboxed, never sniffed.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        if (await index.GetDocumentAsync(documentId, cancellationToken) is null || Locate(corpus.Value.Path, documentId) is not { } path)
        {
            var message = DocumentPage.NotFoundMessage(documentId);
            return DocumentPage.AcceptsHtml(request)
                ? DocumentPage.ErrorPage(StatusCodes.Status404NotFound, DocumentPage.NotFoundTitle, message)
                : Problems.Of(StatusCodes.Status404NotFound, DocumentPage.NotFoundCode, message, DocumentPage.NotFoundTitle);
        }
        if (!ContentTypes.TryGetContentType(path, out var contentType)) contentType = "application/octet-stream";
        // Text and Markdown are indexed only when they are strict UTF-8; without the charset a browser may guess another.
        else if (contentType is "text/plain" or "text/markdown") contentType += "; charset=utf-8";
        return TypedResults.PhysicalFile(path, contentType, fileDownloadName: Path.GetFileName(path));
    }

    /// <summary>The file's full path when it exists inside the corpus folder (links followed and checked too); else null.</summary>
    private static string? Locate(string corpusFolder, string documentId)
    {
        var root = Path.GetFullPath(corpusFolder);
        var path = Path.GetFullPath(Path.Combine(root, documentId));
        if (!IsInside(root, path) || !File.Exists(path)) return null;
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return target is null || IsInside(root, target.FullName) ? path : null;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
