using System.Text.RegularExpressions;
using Assistant.Analysis;
using Assistant.Chunking;

namespace Assistant.Answering.Llm;

/// <summary>
/// Finds the sentence(s) of a passage that support one statement of the model, so that the citation points at
/// them rather than at the whole passage. Matching uses the shared Arabic analyser, so spelling variants,
/// diacritics and inflections of the same word still meet.
/// </summary>
public sealed partial class ClaimSupportLocator(ArabicTextAnalyzer analyzer, double minSupport)
{
    /// <summary>A quote needs this many analysed terms to identify a span on its own; shorter ones (a name, a date) do not.</summary>
    private const int MinQuoteTerms = 2;

    /// <summary>The share of a statement's words a second sentence must add for the citation to cover both.</summary>
    private const double JoinedSentenceGain = 0.25;

    /// <summary>
    /// The supporting span as offsets into <paramref name="passageText"/>: the sentence(s) holding a «quote» of the
    /// statement when the passage contains it, otherwise the sentence (or two adjacent sentences) sharing the
    /// largest share of the statement's words, at least <c>minSupport</c>; null when the passage does not support it.
    /// </summary>
    public (int Start, int End)? Locate(string claim, string passageText)
    {
        var sentences = SentenceSegmenter.Split(passageText, 0, passageText.Length);
        foreach (var quote in Quotes(claim))
        {
            if (FindQuote(quote, passageText) is { } span)
            {
                return Cover(sentences, span);
            }
        }

        return BestOverlap(claim, passageText, sentences);
    }

    /// <summary>The «…» / “…” / "…" quotations of a statement long enough to identify a span.</summary>
    public IEnumerable<string> Quotes(string claim) =>
        QuotePattern().Matches(claim)
            .Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value.Trim())
            .Where(q => analyzer.Terms(q).Count >= MinQuoteTerms);

    /// <summary>The quote's span in the text: verbatim, or else the same sequence of analysed terms (spelling variants, diacritics).</summary>
    public (int Start, int End)? FindQuote(string quote, string text)
    {
        var exact = text.IndexOf(quote, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return (exact, exact + quote.Length);
        }

        var wanted = analyzer.Terms(quote);
        var tokens = analyzer.Analyze(text);
        for (var first = 0; first + wanted.Count <= tokens.Count; first++)
        {
            if (wanted.Select((term, i) => tokens[first + i].Term == term).All(equal => equal))
            {
                return (tokens[first].Start, tokens[first + wanted.Count - 1].End);
            }
        }

        return null;
    }

    private (int Start, int End)? BestOverlap(string claim, string passageText, IReadOnlyList<(int Start, int End)> sentences)
    {
        // Support counts the statement's words, not its terms: a word may analyse to several terms (a stem and its
        // proclitic variants), and one word met should count once.
        var claimWords = analyzer.AnalyzeWords(claim, 0, claim.Length);
        if (claimWords.Count == 0 || sentences.Count == 0)
        {
            return null;
        }

        var sentenceTerms = sentences.Select(s => analyzer.Terms(passageText[s.Start..s.End]).ToHashSet(StringComparer.Ordinal)).ToList();
        double Support(IEnumerable<string> terms)
        {
            var set = terms as ISet<string> ?? terms.ToHashSet(StringComparer.Ordinal);
            return (double)claimWords.Count(word => word.Terms.Any(set.Contains)) / claimWords.Count;
        }

        // One sentence is the tightest citation; two adjacent ones cover a statement that joins them, which shows as
        // the second sentence holding a good share of the statement's words that the first lacks.
        var single = Enumerable.Range(0, sentences.Count).MaxBy(i => Support(sentenceTerms[i]));
        var singleSupport = Support(sentenceTerms[single]);
        if (sentences.Count > 1)
        {
            var pair = Enumerable.Range(0, sentences.Count - 1).MaxBy(i => Support(sentenceTerms[i].Concat(sentenceTerms[i + 1])));
            var pairSupport = Support(sentenceTerms[pair].Concat(sentenceTerms[pair + 1]));
            if (pairSupport >= minSupport && (singleSupport < minSupport || pairSupport - singleSupport >= JoinedSentenceGain))
            {
                return (sentences[pair].Start, sentences[pair + 1].End);
            }
        }

        return singleSupport >= minSupport ? sentences[single] : null;
    }

    /// <summary>The sentences overlapping the span, as one span; the span itself if it lies between sentences.</summary>
    private static (int Start, int End) Cover(IReadOnlyList<(int Start, int End)> sentences, (int Start, int End) span)
    {
        var touched = sentences.Where(s => s.Start < span.End && span.Start < s.End).ToList();
        return touched.Count == 0 ? span : (Math.Min(touched[0].Start, span.Start), Math.Max(touched[^1].End, span.End));
    }

    [GeneratedRegex("«([^»]+)»|“([^”]+)”|\"([^\"]+)\"")]
    private static partial Regex QuotePattern();
}
