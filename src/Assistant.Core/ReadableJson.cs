using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assistant;

/// <summary>
/// The JSON every host writes for people and for other programs: camelCase, and Arabic as itself rather than \u
/// escapes (a sixth of the size, and readable). Safe because it is never inlined into HTML.
/// </summary>
public static class ReadableJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One value as a single line, e.g. a JSON Lines record.</summary>
    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);
}
