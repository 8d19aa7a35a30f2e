namespace Assistant.Chunking;

/// <summary>
/// Splits text into sentences with exact offsets. Boundaries: <c>. ! ? ؟ ؛</c> (a full stop only before a space or
/// line end, so "2.5" stays whole), closing quotes kept with their sentence, paragraph breaks, and single line breaks
/// — except a line ending in spaces, which in these documents marks a line wrapped mid-sentence.
/// Every non-blank character lies in exactly one sentence; sentences never start or end with whitespace.
/// </summary>
public static class SentenceSegmenter
{
    public static IReadOnlyList<(int Start, int End)> Split(string text) => Split(text, 0, text.Length);

    public static IReadOnlyList<(int Start, int End)> Split(string text, int start, int end)
    {
        var sentences = new List<(int, int)>();
        var sentenceStart = -1;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (sentenceStart < 0)
            {
                if (!char.IsWhiteSpace(c)) sentenceStart = i;
                else continue;
            }
            var boundaryEnd = -1;
            if (c == '\n')
            {
                if (!IsWrappedLine(text, sentenceStart, i) || IsBlankLineAhead(text, i + 1, end)) boundaryEnd = i;
            }
            else if (c is '!' or '?' or '؟' or '؛' or '.' && (c != '.' || i + 1 >= end || char.IsWhiteSpace(text[i + 1])))
            {
                boundaryEnd = i + 1;
                while (boundaryEnd < end && IsClosing(text[boundaryEnd])) boundaryEnd++;
                i = boundaryEnd - 1;
            }
            if (boundaryEnd >= 0)
            {
                AddTrimmed(text, sentenceStart, boundaryEnd, sentences);
                sentenceStart = -1;
            }
        }
        if (sentenceStart >= 0) AddTrimmed(text, sentenceStart, end, sentences);
        return sentences;
    }

    /// <summary>Splits a sentence further at clause commas (، ,) and colons, for sentences too long to quote whole.</summary>
    public static IReadOnlyList<(int Start, int End)> SplitClauses(string text, int start, int end)
    {
        var clauses = new List<(int, int)>();
        var clauseStart = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] is '،' or ',' or ':' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1])))
            {
                AddTrimmed(text, clauseStart, i + 1, clauses);
                clauseStart = i + 1;
            }
        }
        AddTrimmed(text, clauseStart, end, clauses);
        return clauses;
    }

    private static bool IsWrappedLine(string text, int lineContentStart, int newline)
    {
        // "…في الجمهوري  \nالعربية السورية": trailing spaces before the break mean the sentence goes on.
        var j = newline - 1;
        if (j >= 0 && text[j] == '\r') j--;
        return j > lineContentStart && text[j] is ' ' or '\t' or '\u00A0';
    }

    private static bool IsBlankLineAhead(string text, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or '“' or ']';

    private static void AddTrimmed(string text, int start, int end, List<(int, int)> into)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add((start, end));
    }
}
