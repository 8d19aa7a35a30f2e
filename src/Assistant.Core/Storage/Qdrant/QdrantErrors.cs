using System.Net;
using System.Text.Json;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Turns every way a Qdrant call can fail into one-line <see cref="IndexUnavailableException"/> messages that name
/// Qdrant, the URL and what to do, so hosts can print them without a stack trace.
/// </summary>
internal static class QdrantErrors
{
    private const int MaxDetailChars = 300;

    public static IndexUnavailableException Unreachable(string url, Exception inner) => new(
        $"Qdrant is unreachable at {url} ({ShortDetail(inner.Message)}). Start Qdrant (e.g. `docker run -p 6333:6333 qdrant/qdrant`) or set Index:Qdrant:Url.",
        inner);

    public static IndexUnavailableException TimedOut(string url, Exception inner) => new(
        $"Qdrant at {url} did not answer in time. Check that the server is healthy, or raise Index:Qdrant:TimeoutSeconds.",
        inner);

    public static IndexUnavailableException NotQdrant(string url, Exception inner) => new(
        $"The server at {url} did not answer like Qdrant ({ShortDetail(inner.Message)}). Check Index:Qdrant:Url.",
        inner);

    public static IndexUnavailableException FromResponse(string url, string collection, HttpStatusCode status, string body)
    {
        var detail = $"{(int)status} {status}: {ErrorText(body)}";
        return new IndexUnavailableException(status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"Qdrant at {url} refused the request ({detail}). Set Index:Qdrant:ApiKey (environment: Index__Qdrant__ApiKey) to a key with write access.",
            HttpStatusCode.NotFound =>
                $"Qdrant at {url} has no collection '{collection}' ({detail}). Run `assistant index` to create it, or check Index:Qdrant:Url and Index:Qdrant:Collection.",
            HttpStatusCode.Conflict =>
                $"Qdrant at {url} reported a conflict on collection '{collection}' ({detail}); another process may be changing it. Try again when it has finished.",
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                $"Qdrant at {url} rejected a request on collection '{collection}' ({detail}). This client needs Qdrant 1.19 or later; if the collection was made by another tool, run `assistant index --rebuild`.",
            _ =>
                $"Qdrant at {url} failed ({detail}). Check the server's logs and try again.",
        });
    }

    public static IndexUnavailableException Incompatible(string url, string collection, string reason) => new(
        $"Qdrant collection '{collection}' at {url} {reason}. Run `assistant index --rebuild` to rebuild it.");

    /// <summary>Qdrant's JSON error message when the body is its error envelope; the text itself otherwise (401s are plain text).</summary>
    private static string ErrorText(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "no details";
        try
        {
            var error = JsonSerializer.Deserialize<QdrantErrorResponse>(body, QdrantJson.Options)?.Status?.Error;
            if (!string.IsNullOrWhiteSpace(error)) return ShortDetail(error);
        }
        catch (JsonException)
        {
            // Not JSON: auth middleware and proxies answer in plain text.
        }
        return ShortDetail(body);
    }

    private static string ShortDetail(string text)
    {
        // One more character than shown tells whether it was cut.
        var line = DisplayText.OneLine(text, MaxDetailChars + 1);
        return line.Length <= MaxDetailChars ? line : string.Concat(line.AsSpan(0, MaxDetailChars), "…");
    }
}
