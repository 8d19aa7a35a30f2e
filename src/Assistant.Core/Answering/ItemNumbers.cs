namespace Assistant.Answering;

/// <summary>
/// A numbered item's number: digits that open a text or a line, closed by a dash, a bracket or a dot right before a word
/// in letters («6-سعيًا لبناء الثقة…», «7- تؤكد…», «3) …»). It numbers the paragraph and says nothing of it: it counts
/// nothing and is no word of an answer, as a stop word is not («19-20 كانون الثاني» is a date: digits follow the dash).
/// </summary>
internal static class ItemNumbers
{
    /// <summary>Marks that close an item's number.</summary>
    private const string Marks = "-–).";

    /// <param name="opensText">Whether the digits are the text's first word.</param>
    /// <param name="before">What lies between the word before and the digits.</param>
    /// <param name="after">What lies between the digits and the word after them.</param>
    /// <param name="next">The first letter of the word after them.</param>
    public static bool Numbers(bool opensText, ReadOnlySpan<char> before, ReadOnlySpan<char> after, char next)
    {
        if (!opensText && before.IndexOf('\n') < 0) return false;
        var mark = after.Trim();
        return mark.Length == 1 && Marks.Contains(mark[0]) && !char.IsDigit(next);
    }

    /// <summary>Whether the digits at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/> number an item, reading up to <paramref name="limit"/>.</summary>
    /// <param name="textStart">Where the text the digits open, if they do, starts.</param>
    /// <param name="previousEnd">Where the word before them ends (<paramref name="textStart"/> when none).</param>
    public static bool Numbers(string text, int textStart, int previousEnd, int start, int end, int limit)
    {
        var next = end;
        while (next < limit && !char.IsLetterOrDigit(text[next])) next++;
        return next < limit && Numbers(text.AsSpan(textStart, start - textStart).Trim().IsEmpty, text.AsSpan(previousEnd, start - previousEnd), text.AsSpan(end, next - end), text[next]);
    }
}
