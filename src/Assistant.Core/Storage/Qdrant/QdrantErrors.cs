using Grpc.Core;
using Polly.Timeout;
using Qdrant.Client;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Turns every way a Qdrant call can fail into one-line <see cref="IndexUnavailableException"/> messages that name
/// Qdrant, the URL and what to do, so hosts can print them without a stack trace.
/// </summary>
internal static class QdrantErrors
{
    private const int MaxDetailChars = 300;

    /// <summary>
    /// Failures worth another attempt: the server is down or restarting (Unavailable), overloaded (ResourceExhausted),
    /// or too slow this once (DeadlineExceeded, which the channel raises as <see cref="OperationCanceledException"/>, and
    /// our own attempt timeout). A cancellation by the caller is never retried: the pipeline stops on its token.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception is TimeoutRejectedException or OperationCanceledException
        || exception is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted };

    public static IndexUnavailableException InvalidUrl(string url) => new(
        $"Index:Qdrant:Url '{url}' is not an absolute http(s) URL of Qdrant's gRPC endpoint, e.g. http://localhost:6334.");

    public static IndexUnavailableException Incompatible(string url, string collection, string reason) => new(
        $"Qdrant collection '{collection}' at {url} {reason}. Run `assistant index --rebuild` to rebuild it.");

    /// <summary>The message for a failed call; <paramref name="collection"/> is the collection or alias it addressed.</summary>
    public static IndexUnavailableException From(Exception exception, string url, string collection) => exception switch
    {
        TimeoutRejectedException or OperationCanceledException => TimedOut(url, exception),
        RpcException rpc => FromStatus(rpc, url, collection),
        QdrantException => new IndexUnavailableException($"Qdrant at {url} did not complete an operation on '{collection}' ({ShortDetail(exception.Message)}). Check the server's logs and try again.", exception),
        _ => new IndexUnavailableException($"Qdrant at {url} failed ({ShortDetail(exception.Message)}). Check the server's logs and try again.", exception),
    };

    private static IndexUnavailableException TimedOut(string url, Exception inner) => new(
        $"Qdrant at {url} did not answer in time. Check that the server is healthy, or raise Index:Qdrant:TimeoutSeconds / Index:Qdrant:AttemptTimeoutSeconds.",
        inner);

    private static IndexUnavailableException FromStatus(RpcException rpc, string url, string collection)
    {
        var detail = $"{rpc.StatusCode}: {Detail(rpc)}";
        return new IndexUnavailableException(rpc.StatusCode switch
        {
            StatusCode.Unavailable =>
                $"Qdrant is unreachable at {url} ({detail}). Start Qdrant (e.g. `docker run -p 6333:6333 -p 6334:6334 qdrant/qdrant`) or set Index:Qdrant:Url to its gRPC endpoint (port 6334).",
            StatusCode.DeadlineExceeded or StatusCode.Cancelled =>
                $"Qdrant at {url} did not answer in time ({detail}). Check that the server is healthy, or raise Index:Qdrant:TimeoutSeconds / Index:Qdrant:AttemptTimeoutSeconds.",
            StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                $"Qdrant at {url} refused the request ({detail}). Set Index:Qdrant:ApiKey (environment: Index__Qdrant__ApiKey) to a key with write access.",
            StatusCode.NotFound =>
                $"Qdrant at {url} has no collection '{collection}' ({detail}). Run `assistant index` to create it, or check Index:Qdrant:Url and Index:Qdrant:Collection.",
            StatusCode.AlreadyExists or StatusCode.Aborted =>
                $"Qdrant at {url} reported a conflict on collection '{collection}' ({detail}); another process may be changing it. Try again when it has finished.",
            StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange =>
                $"Qdrant at {url} rejected a request on collection '{collection}' ({detail}). This client needs Qdrant 1.16 or later; if the collection was made by another tool, run `assistant index --rebuild`.",
            StatusCode.Unimplemented =>
                $"The server at {url} does not implement this Qdrant gRPC call ({detail}). Check that Index:Qdrant:Url is Qdrant's gRPC endpoint (port 6334, not the REST port 6333) and that Qdrant is 1.16 or later.",
            StatusCode.ResourceExhausted =>
                $"Qdrant at {url} is overloaded or over a limit ({detail}). Try again later, or lower Index:Qdrant:BatchSize.",
            _ =>
                $"Qdrant at {url} failed ({detail}). Check the server's logs; if Index:Qdrant:Url is the REST port (6333), use the gRPC port (6334).",
        }, rpc);
    }

    /// <summary>The server's detail, plus the transport's own reason when the call never reached it (e.g. "Connection refused").</summary>
    private static string Detail(RpcException rpc)
    {
        var detail = string.IsNullOrWhiteSpace(rpc.Status.Detail) ? "no details" : rpc.Status.Detail;
        var cause = rpc.Status.DebugException;
        while (cause?.InnerException is not null) cause = cause.InnerException;
        return ShortDetail(cause is null || detail.Contains(cause.Message, StringComparison.Ordinal) ? detail : $"{detail} {cause.Message}");
    }

    private static string ShortDetail(string text)
    {
        // One more character than shown tells whether it was cut.
        var line = DisplayText.OneLine(text, MaxDetailChars + 1);
        return line.Length <= MaxDetailChars ? line : string.Concat(line.AsSpan(0, MaxDetailChars), "…");
    }
}
