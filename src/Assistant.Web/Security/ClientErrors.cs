using Assistant.Storage;

namespace Assistant.Web.Security;

/// <summary>
/// Requests Kestrel itself refuses while the body is read (a Content-Length beyond the limit, a malformed chunk) surface
/// as <see cref="BadHttpRequestException"/>: they are the client's fault, so they get their own status (413, 400) as a
/// bare problem+json, and no stack trace in the log. An index that cannot be used (damaged, unreachable) is a 503;
/// /healthz and the index's own log line say why. Anything else is a 500 without details for the caller.
/// </summary>
public static class ClientErrors
{
    /// <summary>The largest request body Kestrel accepts on any route; endpoints that take bodies set lower limits of their own.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseClientErrorStatus(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            IndexUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
        SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or IndexUnavailableException,
    });
}
