namespace Assistant.Web.Security;

/// <summary>
/// Headers that tell the browser what a page of this host may do, on every response (the chat page, its files, the
/// document pages, errors). The policy allows exactly what the chat page uses: its own scripts (the Web Chat bundle is
/// served from this host), Web Chat's injected styles, images and media from its own origin or data/blob URLs, and
/// Direct Line calls to this origin. Nothing may frame the pages, and no page leaks its address in a Referer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set before the response starts, so responses written by any later middleware (static files, errors) carry them.
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
