using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Assistant.Web.Bot;

/// <summary>Why a body gave no activity (<see cref="NotAnActivity"/>: not JSON of an activity); each endpoint answers in its own protocol's words.</summary>
public enum ActivityBodyProblem { None, TooLarge, NotAnActivity }

/// <param name="Detail">With <see cref="ActivityBodyProblem.NotAnActivity"/>: what is wrong, in one sentence that names the bad field if there is one.</param>
public readonly record struct ActivityBody(Activity? Activity, ActivityBodyProblem Problem, string? Detail = null);

/// <summary>
/// Reads one activity from a request body, enforcing the size limit while reading (chunked bodies included), so a body
/// costs at most the limit in memory whatever its declared or real length. Shared by /api/messages and Direct Line.
/// </summary>
public static class ActivityBodyReader
{
    /// <summary>
    /// A body up to this many times the limit (and at least <see cref="MinDrainBytes"/>) is read to its end and dropped
    /// before the 413: answering while the client is still sending makes the connection close under it, and the client sees
    /// a reset instead of the 413. Beyond that the 413 goes at once and Kestrel closes the connection.
    /// </summary>
    private const int DrainFactor = 4;

    private const long MinDrainBytes = 1024 * 1024;

    public static async Task<ActivityBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var drainLimit = Math.Max(DrainFactor * (long)maxBytes, MinDrainBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = drainLimit;
        }

        try
        {
            // A declared length beyond the drain limit is refused without reading a byte.
            if (request.ContentLength > drainLimit)
            {
                return new(null, ActivityBodyProblem.TooLarge);
            }

            // Declared (Content-Length) or not (chunked), the body is read up to one byte over the limit; a declared
            // length sizes the buffer once.
            using var body = new MemoryStream(request.ContentLength is > 0 and var length && length <= maxBytes ? (int)length : 0);
            if (!await CopyAtMostAsync(request.Body, body, maxBytes, cancellationToken))
            {
                await request.Body.CopyToAsync(Stream.Null, cancellationToken);
                return new(null, ActivityBodyProblem.TooLarge);
            }

            // The whole body is in memory: parsed in one synchronous pass over its bytes, not through a stream.
            // JSON null gives no activity and no problem: the caller says what is missing.
            var json = WithoutByteOrderMark(body.GetBuffer().AsSpan(0, (int)body.Length));
            try
            {
                return new(JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options), ActivityBodyProblem.None);
            }
            catch (JsonException exception)
            {
                return new(null, ActivityBodyProblem.NotAnActivity, Describe(json, exception));
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, ActivityBodyProblem.TooLarge);
        }
    }

    /// <summary>Some clients (.NET's own StreamWriter, PowerShell) open UTF-8 with a byte order mark; JSON allows a parser to ignore it.</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> json) =>
        json.StartsWith("\uFEFF"u8) ? json[3..] : json;

    /// <summary>
    /// Well-formed JSON that is no activity names the field whose value has the wrong type (<c>"text":123</c>); malformed
    /// JSON is said to be so. Only failed bodies are read a second time, to tell the two apart.
    /// </summary>
    private static string Describe(ReadOnlySpan<byte> json, JsonException exception)
    {
        if (!IsWellFormed(json)) return "The body is empty or not valid JSON.";
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        return field is null
            ? "The body is JSON but not an activity (a JSON object)."
            : $"The activity's '{field}' has a value of the wrong type (see the Bot Framework activity schema).";
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
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
