using System.Text.Json;
using Assistant.Web.Bot;
using Microsoft.AspNetCore.Http.Features;

namespace Assistant.Web.DirectLine;

/// <summary>Reads one activity from a request body, enforcing the size limit while reading (chunked bodies included).</summary>
internal static class ActivityReader
{
    private const int DrainFactor = 4;

    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // Only JSON: a browser can send text/plain cross-origin without a CORS preflight, never application/json.
        if (!request.HasJsonContentType())
        {
            return (null, DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Send the activity as application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            // A body not much over the limit is read and dropped first: answering before the client has finished
            // sending makes the connection close under it, and the client sees a reset instead of the 413.
            if (request.ContentLength <= DrainFactor * (long)maxBytes)
            {
                await request.Body.CopyToAsync(Stream.Null, cancellationToken);
            }
            return (null, DirectLineErrors.TooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken);
            return activity is null
                ? (null, DirectLineErrors.BadArgument("The body must be one activity as a JSON object."))
                : (activity, null);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, DirectLineErrors.TooLarge(maxBytes));
        }
        catch (JsonException)
        {
            return (null, DirectLineErrors.BadArgument("The body must be one activity as a JSON object."));
        }
    }
}
