using System.Buffers;
using System.Text.Json;
using Assistant.Web.Bot;
using Microsoft.AspNetCore.Http.Features;

namespace Assistant.Web.DirectLine;

/// <summary>Reads one activity from a request body, enforcing the size limit while reading (chunked bodies included).</summary>
internal static class ActivityReader
{
    /// <summary>
    /// A body up to this many times the limit is read to its end and dropped before the 413: answering while the client
    /// is still sending makes the connection close under it, and the client sees a reset instead of the 413. Beyond
    /// that, Kestrel cuts the connection.
    /// </summary>
    private const int DrainFactor = 4;

    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // Only JSON: a browser can send text/plain cross-origin without a CORS preflight, never application/json.
        if (!request.HasJsonContentType())
        {
            return (null, DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Send the activity as application/json."));
        }

        var drainLimit = DrainFactor * (long)maxBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = drainLimit;
        }

        try
        {
            // Declared (Content-Length) or not (chunked), the body is read up to one byte over the limit.
            using var body = new MemoryStream();
            if (request.ContentLength > drainLimit || !await CopyAtMostAsync(request.Body, body, maxBytes, cancellationToken))
            {
                if (request.ContentLength is null || request.ContentLength <= drainLimit) await request.Body.CopyToAsync(Stream.Null, cancellationToken);
                return (null, DirectLineErrors.TooLarge(maxBytes));
            }

            body.Position = 0;
            var activity = await JsonSerializer.DeserializeAsync<Activity>(body, ActivityJson.Options, cancellationToken);
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

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>; false (and stops) once more than <paramref name="maxBytes"/> came.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream target, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var total = 0L;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes) return false;
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
