namespace Assistant.Answering;

/// <summary>Turns raw user input into a question: control and format characters become spaces, runs of spaces collapse.</summary>
public static class QuestionText
{
    /// <summary>
    /// A message's length as its writer counts it, the number a "too long" reply reports and the limit is checked on:
    /// every character typed, spaces and line breaks included, one for a character outside the BMP (an emoji) too;
    /// blanks at its ends, which nobody sees, left out.
    /// </summary>
    public static int TypedLength(string? text)
    {
        var count = 0;
        foreach (var _ in (text ?? "").Trim().EnumerateRunes()) count++;
        return count;
    }

    /// <param name="keepLineBreaks">A run of blanks holding a line break becomes one «\n» rather than a space: a message
    /// typed over several lines without punctuation says where its sentences end only by its lines.</param>
    public static string Clean(string? raw, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var chars = new char[raw.Length];
        var length = 0;
        var space = true;
        foreach (var c in raw)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c) || (c is >= '\u200B' and <= '\u200F') || c is '\u2028' or '\u2029' or '\uFEFF';
            if (blank)
            {
                var lineBreak = keepLineBreaks && c is '\n' or '\r' or '\u2028' or '\u2029';
                if (!space) chars[length++] = lineBreak ? '\n' : ' ';
                else if (lineBreak && length > 0) chars[length - 1] = '\n';
                space = true;
            }
            else
            {
                chars[length++] = c;
                space = false;
            }
        }
        if (length > 0 && chars[length - 1] is ' ' or '\n') length--;
        return new string(chars, 0, length);
    }

    /// <summary>
    /// Whether the text holds a word: two letters in a row (diacritics between them do not count, as in «مَتَى»). Input
    /// without one (binary noise, punctuation, a lone letter) gets an abstention: a stray letter must not match a document
    /// (a "g" once cited "G 20").
    /// </summary>
    public static bool HasWord(string text)
    {
        var afterLetter = false;
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetter(c))
            {
                if (afterLetter) return true;
                afterLetter = true;
            }
            else
            {
                afterLetter = false;
            }
        }
        return false;
    }

    /// <summary>Whether the text holds a letter or a digit: a message of punctuation and symbols alone («؟؟؟», «!!!»)
    /// asks nothing.</summary>
    public static bool HasLetterOrDigit(string text) => text.Any(char.IsLetterOrDigit);
}
