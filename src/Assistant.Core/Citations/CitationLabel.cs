using Assistant.Answering;

namespace Assistant.Citations;

/// <summary>
/// How a citation is named in a list of references: its document's title, then the opening words of its quote, so
/// that two citations of one document read apart («الشأن السوري — «بوتين وترامب يؤكدان إنهاء الحرب…»»).
/// </summary>
public static class CitationLabel
{
    /// <summary>The longest a label gets: Teams shows at most 80 characters of a citation's name.</summary>
    public const int MaxChars = 80;

    private const int MaxTitleChars = 40;

    /// <summary>What is left of <see cref="MaxChars"/> after the title and « — «…»».</summary>
    private const int MaxOpeningChars = MaxChars - MaxTitleChars - 5;

    public static string Of(Citation citation) =>
        $"{DisplayText.Shorten(citation.Title, MaxTitleChars)} — «{DisplayText.Shorten(citation.Quote, MaxOpeningChars)}»";
}
