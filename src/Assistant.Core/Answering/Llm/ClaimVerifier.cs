using System.Text.RegularExpressions;
using Assistant.Analysis;
using Assistant.Answering.Llm.Facts;
using Assistant.Chunking;

namespace Assistant.Answering.Llm;

/// <summary>The span of a prompt block that supports a claim: offsets into <see cref="PromptSource.Text"/>.</summary>
public sealed record ClaimSpan(PromptSource Source, int Start, int End);

/// <summary>
/// Finds, in the blocks a claim cites, the tightest run of sentences (one to three) that supports every fact of the
/// claim (<see cref="ClaimFactChecker"/>); a «quotation» in the claim must be found in the block and inside the run.
/// When no run does, the claim is rejected with the failing parts of the run that came closest.
/// </summary>
public sealed partial class ClaimVerifier(ArabicTextAnalyzer analyzer)
{
    /// <summary>Sentences a claim may join: the model may sum up two or three adjacent sentences in one.</summary>
    private const int MaxRunSentences = 3;

    /// <summary>A quote needs this many analysed terms to identify a span on its own; shorter ones (a name, a date) are checked as words.</summary>
    private const int MinQuoteTerms = 2;

    private readonly FactReader _reader = new(analyzer);

    /// <summary>The words of a block, sentence by sentence, read once per reply however many claims cite it.</summary>
    public sealed class SourceFacts
    {
        internal SourceFacts(PromptSource source, IReadOnlyList<(int Start, int End)> sentences, IReadOnlyList<IReadOnlyList<FactWord>> words, IReadOnlyList<FactWord> title)
        {
            Source = source;
            Sentences = sentences;
            Words = words;
            Title = title;
        }

        public PromptSource Source { get; }
        internal IReadOnlyList<(int Start, int End)> Sentences { get; }
        internal IReadOnlyList<IReadOnlyList<FactWord>> Words { get; }
        internal IReadOnlyList<FactWord> Title { get; }
    }

    public SourceFacts Read(PromptSource source)
    {
        var sentences = SentenceSegmenter.Split(source.Text);
        return new SourceFacts(source, sentences, sentences.Select(s => _reader.Read(source.Text, s.Start, s.End)).ToList(),
            _reader.Read(source.Title, 0, source.Title.Length));
    }

    public ISet<string> QuestionTerms(string question) => analyzer.Terms(question).ToHashSet(StringComparer.Ordinal);

    /// <summary>The supporting span in each cited block that has one; the failing parts of the closest run when none has.</summary>
    /// <param name="claim">The statement without its markers.</param>
    public (IReadOnlyList<ClaimSpan> Spans, IReadOnlyList<ClaimRejection> Problems) Verify(string claim, IReadOnlyList<SourceFacts> cited, ISet<string> questionTerms)
    {
        var claimWords = _reader.Read(claim, 0, claim.Length);
        var quotes = Quotes(claim).ToList();
        var spans = new List<ClaimSpan>();
        (int Count, IReadOnlyList<ClaimRejection> Problems)? closest = null;
        foreach (var source in cited)
        {
            var quoted = quotes.Select(q => FindQuote(q, source.Source.Text)).ToList();
            var missing = quotes.Where((_, i) => quoted[i] is null).ToList();
            if (missing.Count > 0)
            {
                var rejections = missing.Select(q => new ClaimRejection(RejectionReasons.InventedQuote, q, claim, source.Source.Number, "not in the cited passage")).ToList();
                if (closest is null || rejections.Count < closest.Value.Count) closest = (rejections.Count, rejections);
                continue;
            }

            var best = BestRun(source, claim, claimWords, questionTerms, quoted.Select(q => q!.Value).ToList());
            if (best.Problems.Count == 0)
            {
                spans.Add(new ClaimSpan(source.Source, best.Start, best.End));
            }
            else if (closest is null || best.Problems.Count < closest.Value.Count)
            {
                closest = (best.Problems.Count, best.Problems.Select(p => new ClaimRejection(p.Reason, p.Part, claim, source.Source.Number, p.Detail)).ToList());
            }
        }
        return spans.Count > 0 || closest is null ? (spans, []) : ([], closest.Value.Problems);
    }

    /// <summary>
    /// The run with fewest failing parts, the shortest among equals, the first among those. A run that supports the claim
    /// but only repeats the question's words comes closer than one missing a word: that is what the rejection says.
    /// </summary>
    private static (int Start, int End, List<FactProblem> Problems) BestRun(
        SourceFacts source, string claim, IReadOnlyList<FactWord> claimWords, ISet<string> questionTerms, List<(int Start, int End)> quoted)
    {
        (int Start, int End, List<FactProblem> Problems)? best = null;
        for (var length = 1; length <= MaxRunSentences; length++)
        {
            for (var first = 0; first + length <= source.Sentences.Count; first++)
            {
                var (start, end) = (source.Sentences[first].Start, source.Sentences[first + length - 1].End);
                if (quoted.Any(q => q.Start < start || q.End > end)) continue;
                var words = Enumerable.Range(first, length).SelectMany(i => source.Words[i]).ToList();
                var problems = ClaimFactChecker.Check(claim, claimWords, words, source.Title, questionTerms);
                if (problems.Count == 0) return (start, end, problems);
                if (best is null || Distance(problems) < Distance(best.Value.Problems)) best = (start, end, problems);
            }
        }
        return best ?? (0, source.Source.Text.Length, [new FactProblem(RejectionReasons.InventedQuote, claim, "the quotations are not within three sentences")]);
    }

    private static int Distance(List<FactProblem> problems) =>
        problems.Sum(p => p.Reason == RejectionReasons.RestatesQuestion ? 1 : 2);

    /// <summary>The «…» / “…” / "…" quotations of a statement long enough to identify a span.</summary>
    private IEnumerable<string> Quotes(string claim) =>
        QuotePattern().Matches(claim)
            .Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value.Trim())
            .Where(q => analyzer.Terms(q).Count >= MinQuoteTerms);

    /// <summary>The quote's span in the text: verbatim, or else the same sequence of analysed terms (spelling variants, diacritics).</summary>
    private (int Start, int End)? FindQuote(string quote, string text)
    {
        var exact = text.IndexOf(quote, StringComparison.Ordinal);
        if (exact >= 0) return (exact, exact + quote.Length);

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

    [GeneratedRegex("«([^»]+)»|“([^”]+)”|\"([^\"]+)\"")]
    private static partial Regex QuotePattern();
}
