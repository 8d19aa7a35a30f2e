namespace Assistant;

/// <summary>Text shown on one line (answers, CLI listings, error details); the stored text keeps its own layout.</summary>
public static class DisplayText
{
    /// <summary>Every run of whitespace, line breaks included, becomes one space; leading and trailing space goes.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
