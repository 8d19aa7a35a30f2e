using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneTermStatistics = Lucene.Net.Search.TermStatistics;

namespace Assistant.Storage.Embedded;

/// <summary>
/// The BM25 side of a snapshot as an in-memory inverted index: for every term, the passages containing it and the score
/// Lucene's <see cref="BM25Similarity"/> gives the term in each, computed once when the snapshot loads. A question scores
/// the sum over its distinct terms (BM25 has no coordination factor and a query norm of 1, so that is what a disjunction of
/// term queries scores), with no per-query weights, scorers, term-dictionary seeks or score tables from Lucene.
/// </summary>
internal sealed class LexicalPostings
{
    /// <param name="Ordinals">Passage ordinals (positions in the snapshot's passage list) containing the term.</param>
    /// <param name="Scores">The term's BM25 score in each of those passages, parallel to <paramref name="Ordinals"/>.</param>
    private sealed record TermPostings(int[] Ordinals, float[] Scores);

    /// <summary>One Lucene segment while reading: its term dictionary, passage ordinals and a reusable postings enumerator.</summary>
    private sealed record Segment(AtomicReaderContext Context, TermsEnum? Terms, NumericDocValues? Ordinals)
    {
        public DocsEnum? Docs { get; set; }
    }

    private readonly Dictionary<string, TermPostings> _terms;
    private readonly int _passageCount;

    private LexicalPostings(Dictionary<string, TermPostings> terms, int passageCount)
    {
        _terms = terms;
        _passageCount = passageCount;
    }

    /// <summary>How many passages the index holds; ordinals run from 0 to one less.</summary>
    public int PassageCount => _passageCount;

    /// <summary>How many passages contain <paramref name="term"/>; 0 for a term the index does not have.</summary>
    public int DocumentFrequency(string term) => _terms.TryGetValue(term, out var postings) ? postings.Ordinals.Length : 0;

    /// <summary>
    /// Reads every term's postings of <paramref name="termsField"/> and scores them as a <see cref="TermQuery"/> searched with
    /// <see cref="BM25Similarity"/> would: the same collection and term statistics, weight and per-segment scorer.
    /// </summary>
    /// <param name="ordinalField">Numeric doc-values field holding each Lucene document's passage ordinal.</param>
    public static LexicalPostings Read(IndexReader reader, string termsField, string ordinalField)
    {
        var similarity = new BM25Similarity();
        var collection = new IndexSearcher(reader) { Similarity = similarity }.CollectionStatistics(termsField);
        var segments = reader.Leaves
            .Select(leaf => new Segment(leaf, leaf.AtomicReader.GetTerms(termsField)?.GetEnumerator(), leaf.AtomicReader.GetNumericDocValues(ordinalField)))
            .ToList();
        var byTerm = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
        var ordinals = new List<int>();
        var scores = new List<float>();
        // One term at a time, so only one term's weight (with its 1 KB norm cache) is alive at once.
        var allTerms = MultiFields.GetTerms(reader, termsField)?.GetEnumerator();
        while (allTerms?.MoveNext() == true)
        {
            // The weight from index-wide statistics, as IndexSearcher builds a TermQuery's (BM25's query norm is 1) …
            var weight = similarity.ComputeWeight(1f, collection, new LuceneTermStatistics(allTerms.Term, allTerms.DocFreq, allTerms.TotalTermFreq));
            weight.Normalize(similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
            ordinals.Clear();
            scores.Clear();
            // … and each segment's postings scored with that segment's norms.
            foreach (var segment in segments)
            {
                if (segment.Terms?.SeekExact(allTerms.Term) != true) continue;
                var docOrdinals = segment.Ordinals ?? throw new InvalidDataException($"The lexical index has no '{ordinalField}' values.");
                var scorer = similarity.GetSimScorer(weight, segment.Context);
                var docs = segment.Docs = segment.Terms.Docs(segment.Context.AtomicReader.LiveDocs, segment.Docs, DocsFlags.FREQS);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    ordinals.Add((int)docOrdinals.Get(doc));
                    scores.Add(scorer.Score(doc, docs.Freq));
                }
            }
            // A term whose passages are all deleted is not in the index.
            if (ordinals.Count > 0) byTerm.Add(allTerms.Term.Utf8ToString(), new TermPostings([.. ordinals], [.. scores]));
        }
        return new LexicalPostings(byTerm, reader.NumDocs);
    }

    /// <summary>Passage ordinals of the best <paramref name="pool"/> passages for the terms, best first.</summary>
    public List<int> Search(IReadOnlyList<string> terms, int pool)
    {
        var totals = ArrayPool<float>.Shared.Rent(_passageCount);
        Array.Clear(totals, 0, _passageCount); // pooled arrays come back as their last user left them
        var touched = new List<int>();
        try
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                if (!_terms.TryGetValue(term, out var postings)) continue;
                for (var i = 0; i < postings.Ordinals.Length; i++)
                {
                    var ordinal = postings.Ordinals[i];
                    if (totals[ordinal] == 0) touched.Add(ordinal);
                    totals[ordinal] += postings.Scores[i];
                }
            }
            // Best `pool` by score, ties to the earlier passage, as Lucene's collector orders them.
            var best = new PriorityQueue<int, (float Score, int Negated)>(pool + 1);
            foreach (var ordinal in touched)
            {
                var key = (totals[ordinal], -ordinal);
                if (best.Count < pool) best.Enqueue(ordinal, key);
                else if (best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) best.EnqueueDequeue(ordinal, key);
            }
            var ranked = new List<int>(best.Count);
            while (best.TryDequeue(out var ordinal, out _)) ranked.Add(ordinal);
            ranked.Reverse();
            return ranked;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(totals);
        }
    }
}
