using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Web.Health;

/// <summary><c>/healthz</c> answers its status and, when not healthy, why in one line (e.g. a damaged index and the command that repairs it).</summary>
public static class HealthResponse
{
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values
            .Where(entry => entry.Status != HealthStatus.Healthy && !string.IsNullOrEmpty(entry.Description))
            .Select(entry => entry.Description);
        var why = string.Join(" ", reasons);
        return context.Response.WriteAsync(why.Length == 0 ? report.Status.ToString() : $"{report.Status}: {why}");
    }
}
