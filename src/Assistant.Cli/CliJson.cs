using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assistant.Cli;

/// <summary>One JSON object per line, Arabic written as is (not \u escapes) so the output stays readable.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);
}
