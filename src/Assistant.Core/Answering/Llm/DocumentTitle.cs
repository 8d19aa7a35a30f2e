namespace Assistant.Answering.Llm;

/// <summary>
/// The title line of a document's header, as the Answer prompt labels its passages and the chat's welcome lists the
/// documents: the first of the opening lines
/// that reads as a headline — more than a category label («الشأن السوري»), shorter than a sentence of the text, not a
/// «key : value» line. A document that opens straight with its text (a news lead) has no such line: its opening words
/// stand for it, cut short.
/// </summary>
public static class DocumentTitle
{
    /// <summary>Opening lines looked at: a title comes before the text starts.</summary>
    private const int HeaderLines = 4;

    /// <summary>A category label has one or two words («الشأن السوري»); a headline more.</summary>
    private const int MinTitleWords = 3;

    /// <summary>Longer than this, a line is a sentence of the text rather than a headline.</summary>
    private const int MaxTitleWords = 18;

    /// <summary>Words kept of the opening line when no line reads as a title.</summary>
    private const int FallbackWords = 8;

    public static string Choose(string documentText)
    {
        var lines = documentText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Any(char.IsLetter))
            .Take(HeaderLines)
            .ToList();
        if (lines.Count == 0) return "";
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= MinTitleWords && words.Length <= MaxTitleWords && !IsField(line) && !EndsSentence(line)) return line;
        }
        var opening = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return opening.Length <= FallbackWords ? lines[0] : string.Join(' ', opening.Take(FallbackWords)) + " …";
    }

    /// <summary>«الكاتب : أستانا 8», «التاريخ : 22 ديسمبر 2017 م»: a label of one or two words, a colon, a value.</summary>
    private static bool IsField(string line)
    {
        var colon = line.IndexOf(':');
        if (colon < 0) return false;
        var label = line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return label.Length <= 2 && value.Length <= 4;
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or '؟' or '؛';
}
