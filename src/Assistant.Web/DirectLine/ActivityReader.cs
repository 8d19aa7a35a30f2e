using Assistant.Web.Bot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.DirectLine;

/// <summary>Reads one activity from a Direct Line or Connector request, answering a bad body with Direct Line's own errors.</summary>
internal static class ActivityReader
{
    public static async Task<(Activity? Activity, JsonHttpResult<ErrorResponse>? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // Only JSON: a browser can send text/plain cross-origin without a CORS preflight, never application/json.
        if (!request.HasJsonContentType())
        {
            return (null, DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Send the activity as application/json."));
        }

        var (activity, problem, detail) = await ActivityBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        return problem switch
        {
            ActivityBodyProblem.None when activity is not null => (activity, null),
            ActivityBodyProblem.TooLarge => (null, DirectLineErrors.TooLarge(maxBytes)),
            _ => (null, DirectLineErrors.BadArgument(detail ?? "The body must be one activity as a JSON object.")),
        };
    }
}
