using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Retrieval;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Assistant.Storage.Embedded;

/// <summary>
/// One generation of the embedded index, held in memory: documents, passages, vectors and the Lucene BM25 index
/// (copied into RAM so the snapshot owns no file handles and can simply be dropped when replaced). Immutable, so
/// searches run concurrently without locks.
/// </summary>
internal sealed class IndexSnapshot
{
    private const string OrdinalField = "ord";
    private const string TermsField = "terms";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly IndexSearcher _searcher;
    private readonly NumericDocValues _ordinals;

    public string Generation { get; }
    public IndexManifest Manifest { get; }
    public IReadOnlyDictionary<string, SourceDocument> Documents { get; }
    public IReadOnlyList<StoredPassage> Passages { get; }

    private readonly int _rrfK;

    private IndexSnapshot(string generation, IndexManifest manifest, List<SourceDocument> documents, List<StoredPassage> passages, LuceneDirectory lucene, int rrfK)
    {
        Generation = generation;
        _rrfK = rrfK;
        Manifest = manifest;
        Documents = documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        Passages = passages;
        var reader = DirectoryReader.Open(lucene);
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        // Lucene document → passage ordinal, read from a doc-values column (no stored-field decoding per hit).
        _ordinals = MultiDocValues.GetNumericValues(reader, OrdinalField) ?? DocValues.EMPTY_NUMERIC; // null only when there are no passages
    }

    public static async Task<IndexSnapshot> LoadAsync(string root, string generation, int rrfK, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, generation);
        var (manifest, documents, passages) = await IndexFiles.ReadAsync(folder, cancellationToken);
        using var onDisk = FSDirectory.Open(Path.Combine(folder, IndexFiles.LuceneFolder));
        var inMemory = new RAMDirectory(onDisk, IOContext.DEFAULT);
        return new IndexSnapshot(generation, manifest, documents, passages, inMemory, rrfK);
    }

    /// <summary>Writes a complete generation folder (files + Lucene index).</summary>
    public static async Task WriteAsync(string folder, IndexManifest manifest, IEnumerable<SourceDocument> documents, IReadOnlyList<StoredPassage> passages, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(folder);
        using (var directory = FSDirectory.Open(Path.Combine(folder, IndexFiles.LuceneFolder)))
        {
            var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
            {
                Similarity = new BM25Similarity(),
                OpenMode = OpenMode.CREATE,
            };
            using var writer = new IndexWriter(directory, config);
            for (var i = 0; i < passages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.AddDocument(new Document
                {
                    new NumericDocValuesField(OrdinalField, i),
                    new TextField(TermsField, passages[i].Terms, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        await IndexFiles.WriteAsync(folder, manifest, documents, passages, cancellationToken);
    }

    public IReadOnlyList<ScoredPassage> Search(PassageQuery query)
    {
        var pool = Math.Max(query.CandidatePool, query.TopK);
        var lexical = LexicalSearch(query.Terms, pool);
        var dense = DenseSearch(query.Vector.Span, pool);
        return ReciprocalRankFusion.Fuse(lexical, dense, _rrfK, query.TopK)
            .Select(f => new ScoredPassage(Passages[f.Item].Passage, f.Score, f.LexicalRank, f.DenseRank))
            .ToList();
    }

    public TermStatistics Statistics(IReadOnlyCollection<string> terms)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!frequencies.ContainsKey(term)) frequencies[term] = ScoresOf(term)?.DocumentFrequency ?? 0;
        }
        return new TermStatistics(_searcher.IndexReader.NumDocs, frequencies);
    }

    /// <summary>
    /// A term's BM25 score in every passage that contains it, as Lucene computes it (a single-term query; BM25 has no
    /// coordination factor or query norm, so a disjunction scores the sum of these). Computed once per snapshot and term:
    /// per-query weight creation and term-dictionary seeks were most of what a short question cost. Only terms of the
    /// index are kept, so the cache is bounded by the index's postings.
    /// </summary>
    private sealed record TermScores(int DocumentFrequency, int[] Ordinals, float[] Scores);

    private readonly ConcurrentDictionary<string, TermScores> _termScores = new(StringComparer.Ordinal);

    private TermScores? ScoresOf(string term)
    {
        if (_termScores.TryGetValue(term, out var cached)) return cached;
        var context = TermContext.Build(_searcher.TopReaderContext, new Term(TermsField, term));
        if (context.DocFreq == 0) return null;
        var hits = _searcher.Search(new TermQuery(new Term(TermsField, term), context), context.DocFreq).ScoreDocs;
        var scores = new TermScores(context.DocFreq, new int[hits.Length], new float[hits.Length]);
        for (var i = 0; i < hits.Length; i++)
        {
            scores.Ordinals[i] = (int)_ordinals.Get(hits[i].Doc);
            scores.Scores[i] = hits[i].Score;
        }
        return _termScores.GetOrAdd(term, scores);
    }

    private List<int> LexicalSearch(IReadOnlyList<string> terms, int pool)
    {
        var totals = ArrayPool<float>.Shared.Rent(Passages.Count);
        Array.Clear(totals, 0, Passages.Count); // pooled arrays come back as their last user left them
        var touched = new List<int>();
        try
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                if (ScoresOf(term) is not { } scores) continue;
                for (var i = 0; i < scores.Ordinals.Length; i++)
                {
                    var ordinal = scores.Ordinals[i];
                    if (totals[ordinal] == 0) touched.Add(ordinal);
                    totals[ordinal] += scores.Scores[i];
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

    private List<int> DenseSearch(ReadOnlySpan<float> vector, int pool)
    {
        var dimensions = Manifest.Dimensions;
        if (vector.Length != dimensions || Passages.Count == 0) return [];
        // Exact cosine (vectors are unit length): a bounded min-heap keeps the best `pool`.
        var best = new PriorityQueue<int, float>(pool + 1);
        for (var i = 0; i < Passages.Count; i++)
        {
            var similarity = TensorPrimitives.Dot(vector, Passages[i].Vector);
            if (best.Count < pool) best.Enqueue(i, similarity);
            else if (best.TryPeek(out _, out var worst) && similarity > worst) best.EnqueueDequeue(i, similarity);
        }
        var result = new List<(int Index, float Similarity)>(best.Count);
        while (best.TryDequeue(out var index, out var similarity)) result.Add((index, similarity));
        return result.OrderByDescending(r => r.Similarity).ThenBy(r => r.Index).Select(r => r.Index).ToList();
    }
}
