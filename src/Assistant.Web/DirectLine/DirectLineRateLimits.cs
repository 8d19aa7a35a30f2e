using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// ASP.NET Core's rate limiter on the two calls that create state without a token: <c>tokens/generate</c> and starting a
/// conversation. Each client address (and each of the two routes) gets <see cref="DirectLineOptions.ConversationsPerClientPerMinute"/>
/// a minute; more get 429 with Retry-After, the seconds until the window opens again. Behind a reverse proxy, forward the client's address (UseForwardedHeaders) or all clients share one budget.
/// </summary>
public static class DirectLineRateLimits
{
    public const string CreationPolicy = "directline-creation";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, cancellationToken) =>
        {
            // When the window opens again: the web chat page waits that long before it asks again.
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
            return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(DirectLineErrors.TooManyRequests(), cancellationToken));
        };
        limiter.AddPolicy(CreationPolicy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.ConversationsPerClientPerMinute;
            var client = $"{http.Connection.RemoteIpAddress}|{http.Request.Path}";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    });
}
