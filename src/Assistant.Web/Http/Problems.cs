using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Assistant.Web.Http;

/// <summary>
/// Error bodies of this host's own routes as RFC 9457 problem details (<c>application/problem+json</c>): the message
/// for people in <c>detail</c>, a stable machine-readable <c>code</c> beside it. The Direct Line and Connector routes
/// answer in their protocol's own error shape instead (docs/protocols.md C2).
/// </summary>
public static class Problems
{
    /// <summary>The extension member that carries the stable code (e.g. <c>BadJson</c>, <c>MessageSizeTooBig</c>).</summary>
    public const string CodeMember = "code";

    public static ProblemHttpResult Of(int status, string code, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: [new(CodeMember, code)]);

    /// <summary>
    /// Completes a problem the framework writes itself (a route that does not take the method, an unknown route, an
    /// unhandled error) as this host's own are: a stable <c>code</c> from its status («MethodNotAllowed», «NotFound»)
    /// and a <c>detail</c> saying what happened, with the methods the route takes when that was the fault.
    /// </summary>
    public static void Complete(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd(CodeMember, ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } phrase ? phrase : $"Status{status}");
        if (problem.Detail is not null) return;
        var request = context.HttpContext.Request;
        problem.Detail = status switch
        {
            StatusCodes.Status405MethodNotAllowed when context.HttpContext.Response.Headers.Allow is { Count: > 0 } allow =>
                $"{request.Method} is not accepted at {request.Path}; it takes {allow}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not accepted at {request.Path}.",
            StatusCodes.Status404NotFound => $"Nothing is served at {request.Path}.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
    };
}
