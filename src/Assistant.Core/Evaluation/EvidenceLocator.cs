namespace Assistant.Evaluation;

/// <summary>Where a gold evidence quote occurs in its document: verbatim, since citations quote verbatim too.</summary>
public static class EvidenceLocator
{
    /// <summary>Every occurrence (a quote that occurs twice is evidence in both places).</summary>
    public static IReadOnlyList<TextSpan> FindAll(string text, string quote)
    {
        var spans = new List<TextSpan>();
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            spans.Add(new TextSpan(at, at + quote.Length));
        }

        return spans;
    }
}
