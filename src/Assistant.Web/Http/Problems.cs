using Microsoft.AspNetCore.Http.HttpResults;

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
}
