using System.Net.Http;
using System.Net.Sockets;

namespace Assistant.Answering.Llm;

/// <summary>What a failed model call's exception says of the connection, wherever in its chain the client put it.</summary>
public static class ModelErrors
{
    /// <summary>Whether nothing listens at the endpoint: the connection was refused.</summary>
    public static bool IsConnectionRefused(Exception? failure) =>
        Chain(failure).Any(e => e is SocketException { SocketErrorCode: SocketError.ConnectionRefused });

    /// <summary>Whether the endpoint could not be reached at all: refused, no route, or a name that does not resolve.</summary>
    public static bool IsUnreachable(Exception? failure) =>
        Chain(failure).Any(e => e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } or SocketException);

    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException) yield return e;
    }
}
