using Assistant.Analysis;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Microsoft.Extensions.Caching.Memory;

namespace Assistant.Answering;

/// <summary>
/// The analysis of retrieved text that does not depend on the question, computed the first time a question needs it and
/// reused by the next questions: in a running host the same passages come back, and the same quotes are cited, question
/// after question, and analysing their text each time was the largest cost of an answer. Two analyses are kept: a
/// passage's distinct terms (the short answer's rarity) and a cited quote's analysed words (what the short answer is cut
/// from). Keyed by the text, so a passage re-indexed with new text is analysed anew; each bounded to
/// <see cref="MaxPassages"/> entries, the least recently used evicted first.
/// </summary>
public sealed class PassageTermCache(ArabicTextAnalyzer analyzer) : IDisposable
{
    /// <summary>About 30–60 MB at most with passages of typical length (≈ 1,000 characters, a few hundred terms); as many
    /// quotes (a sentence or a few, a few dozen words each) take less.</summary>
    public const int MaxPassages = 16_384;

    private readonly PassageMemo<TermIdSet> _passages = new(MaxPassages, passage => passage.Text);
    private readonly MemoryCache _quotes = new(new MemoryCacheOptions { SizeLimit = MaxPassages });

    /// <summary>The passage's distinct terms by number (<see cref="TermIds"/>): a term is looked up in each retrieved
    /// passage by number, its string hashed once rather than once per passage.</summary>
    public TermIdSet DistinctTermIds(Passage passage) => _passages.GetOrAdd(passage, _distinctTermIds ??= DistinctTermIdsOf);

    private TermIdSet DistinctTermIdsOf(Passage passage) => new(analyzer.Terms(passage.Text).Select(TermIds.Intern));

    /// <summary><see cref="DistinctTermIdsOf"/> as one delegate, not a new one for every passage of every question.</summary>
    private Func<Passage, TermIdSet>? _distinctTermIds;

    /// <summary>The quote cut into analysed words, in order (<see cref="ShortAnswers.QuoteWords.Of"/>).</summary>
    internal IReadOnlyList<QuoteWord> QuoteWords(string quote)
    {
        if (_quotes.TryGetValue(quote, out QuoteWord[]? words) && words is not null)
        {
            return words;
        }

        words = ShortAnswers.QuoteWords.Of(quote, analyzer);
        _quotes.Set(quote, words, new MemoryCacheEntryOptions { Size = 1 });
        return words;
    }

    public void Dispose()
    {
        _passages.Dispose();
        _quotes.Dispose();
    }
}
