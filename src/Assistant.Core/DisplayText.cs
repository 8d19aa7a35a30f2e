using System.Buffers;
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
        if (text.Length <= maxChars && IsOneLine(text)) return text;
        // A long quote shortened for a label or a claim: when its first characters are one line already and do not end
        // in a space, they are what the loop below would copy one by one.
        if (maxChars > 0 && text.Length > maxChars && IsOneLine(text.AsSpan(0, maxChars))) return text[..maxChars];
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

    /// <summary>
    /// Whether the text is already one line: no whitespace but single spaces between words. Most quotes and titles are,
    /// and they are then used as they are instead of copied character by character (a few per cent of what an answer
    /// allocated).
    /// </summary>
    private static bool IsOneLine(ReadOnlySpan<char> text) =>
        text.Length == 0 || (text[0] != ' ' && text[^1] != ' ' && text.IndexOfAny(WhitespaceButSpace) < 0 && !text.Contains("  ", StringComparison.Ordinal));

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds to be whitespace, but the plain space.</summary>
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    private const string Ellipsis = "…";

    /// <summary>The one-line text cut on a word boundary to at most <paramref name="max"/> characters, «…» where it was cut.</summary>
    public static string Shorten(string text, int max)
    {
        // One more character than fits tells whether it had to be cut.
        var flat = OneLine(text, max + 1);
        return flat.Length <= max ? flat : CutOnWord(flat, max - Ellipsis.Length);
    }

    /// <summary>The text cut after the last word that ends within <paramref name="maxChars"/> characters, then «…».</summary>
    public static string CutOnWord(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }
        if (maxChars <= 0)
        {
            return "";
        }
        var cut = text.LastIndexOf(' ', Math.Max(0, maxChars));
        // A single very long word: cut inside it rather than dropping everything.
        var end = cut > maxChars / 2 ? cut : maxChars;
        return text[..end].TrimEnd() + Ellipsis;
    }
}
