using System.Text;

namespace Assistant;

/// <summary>Text shown on one line (answers, CLI listings, error details); the stored text keeps its own layout.</summary>
public static class DisplayText
{
    /// <summary>Every run of whitespace, line breaks included, becomes one space; leading and trailing space goes.</summary>
    public static string OneLine(string text) => OneLine(text, int.MaxValue);

    /// <summary>The first <paramref name="maxChars"/> characters of the one-line text, reading the text only as far as they need.</summary>
    public static string OneLine(string text, int maxChars)
    {
        var line = new StringBuilder(Math.Min(text.Length, Math.Max(0, maxChars)));
        var space = false;
        foreach (var c in text)
        {
            if (line.Length >= maxChars) break;
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }
            if (space)
            {
                line.Append(' ');
                space = false;
                if (line.Length >= maxChars) break;
            }
            line.Append(c);
        }
        return line.ToString();
    }
}
