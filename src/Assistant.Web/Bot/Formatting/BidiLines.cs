namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// Lays out a reply's left-to-right lines as such inside the right-to-left chat: a line whose Latin letters outnumber
/// its Arabic ones (the English half of the reply to an English question, a quote from an English document) is wrapped
/// in a left-to-right isolate (U+2066 … U+2069). Without it the line takes the chat's direction, and punctuation between
/// its English and an Arabic example lands on the wrong side («:please ask in Arabic, for example»). An Arabic line
/// with a Latin name or «G 20» in it keeps the chat's direction.
/// </summary>
public static class BidiLines
{
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';

    public static string IsolateLeftToRight(string text)
    {
        if (!HasLatinLetters(text)) return text;
        return string.Join('\n', text.Split('\n').Select(line => IsLeftToRight(line) ? $"{LeftToRightIsolate}{line}{PopDirectionalIsolate}" : line));
    }

    /// <summary>Whether the text has an ASCII letter: without one, no line of it is laid out left to right.</summary>
    public static bool HasLatinLetters(ReadOnlySpan<char> text) => text.ContainsAnyInRange('a', 'z') || text.ContainsAnyInRange('A', 'Z');

    private static bool IsLeftToRight(string line)
    {
        int latin = 0, arabic = 0;
        foreach (var c in line)
        {
            if (char.IsAsciiLetter(c)) latin++;
            else if (c is >= '\u0600' and <= '\u06FF' && char.IsLetter(c)) arabic++;
        }
        return latin > arabic;
    }
}
