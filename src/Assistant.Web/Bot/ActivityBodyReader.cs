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

            // Declared (Content-Length) or not (chunked), the body is read up to one byte over the limit into a pooled
            // buffer (a declared length sizes it once), and goes back to the pool once parsed: the activity copies what
            // it keeps.
            var initialBytes = request.ContentLength is > 0 and var declared && declared <= maxBytes ? (int)declared + 1 : InitialBufferBytes;
            var (buffer, length) = await ReadAtMostAsync(request.Body, maxBytes, initialBytes, cancellationToken);
            try
            {
                if (length < 0)
                {
                    await request.Body.CopyToAsync(Stream.Null, cancellationToken);
                    return new(null, ActivityBodyProblem.TooLarge);
                }
                return Parse(WithoutByteOrderMark(buffer.AsSpan(0, length)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, ActivityBodyProblem.TooLarge);
        }
    }

    /// <summary>
    /// The whole body is in memory: parsed in one synchronous pass over its bytes, not through a stream. JSON null gives
    /// no activity and no problem: the caller says what is missing.
    /// </summary>
    private static ActivityBody Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return new(JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options), ActivityBodyProblem.None);
        }
        catch (JsonException exception)
        {
            return new(null, ActivityBodyProblem.NotAnActivity, Describe(json, exception));
        }
    }

    /// <summary>A body of unknown length starts in a buffer this large, which doubles as it fills.</summary>
    private const int InitialBufferBytes = 4096;

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

    /// <summary>
    /// Reads <paramref name="source"/> to its end into a pooled buffer (the caller returns it), replaced by one twice its
    /// size when full; the length read, or −1 (and stops) once more than <paramref name="maxBytes"/> came. A buffer an
    /// exception leaves behind is collected rather than returned.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadAtMostAsync(Stream source, int maxBytes, int initialBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(initialBytes);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) return (buffer, length);
            length += read;
            if (length > maxBytes) return (buffer, -1);
        }
    }
}
