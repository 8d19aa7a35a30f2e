using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
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
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        var collection = searcher.CollectionStatistics(termsField);

        // Index-wide statistics first (a term's weight depends on its document frequency over all segments) …
        var weights = new Dictionary<string, Similarity.SimWeight>(StringComparer.Ordinal);
        if (MultiFields.GetTerms(reader, termsField)?.GetEnumerator() is { } allTerms)
        {
            while (allTerms.MoveNext())
            {
                var bytes = BytesRef.DeepCopyOf(allTerms.Term);
                var weight = similarity.ComputeWeight(1f, collection, new LuceneTermStatistics(bytes, allTerms.DocFreq, allTerms.TotalTermFreq));
                // What IndexSearcher does to a query's weight; BM25's query norm is 1.
                weight.Normalize(similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
                weights.Add(bytes.Utf8ToString(), weight);
            }
        }

        // … then each segment's postings, scored with that segment's norms.
        var postings = new Dictionary<string, (List<int> Ordinals, List<float> Scores)>(weights.Count, StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetTerms(termsField)?.GetEnumerator() is not { } segmentTerms) continue;
            var ordinals = segment.GetNumericDocValues(ordinalField)
                ?? throw new InvalidDataException($"The lexical index has no '{ordinalField}' values.");
            DocsEnum? docs = null;
            while (segmentTerms.MoveNext())
            {
                var text = segmentTerms.Term.Utf8ToString();
                var scorer = similarity.GetSimScorer(weights[text], leaf);
                docs = segmentTerms.Docs(segment.LiveDocs, docs, DocsFlags.FREQS);
                if (!postings.TryGetValue(text, out var list)) postings[text] = list = ([], []);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    list.Ordinals.Add((int)ordinals.Get(doc));
                    list.Scores.Add(scorer.Score(doc, docs.Freq));
                }
            }
        }

        var byTerm = postings
            .Where(p => p.Value.Ordinals.Count > 0) // a term whose passages are all deleted is not in the index
            .ToDictionary(p => p.Key, p => new TermPostings([.. p.Value.Ordinals], [.. p.Value.Scores]), StringComparer.Ordinal);
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
