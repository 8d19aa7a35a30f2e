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
    private readonly float[] _vectors;
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
        _vectors = new float[passages.Count * manifest.Dimensions];
        for (var i = 0; i < passages.Count; i++) passages[i].Vector.CopyTo(_vectors, i * manifest.Dimensions);
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
            if (!frequencies.ContainsKey(term)) frequencies[term] = Context(term)?.DocFreq ?? 0;
        }
        return new TermStatistics(_searcher.IndexReader.NumDocs, frequencies);
    }

    /// <summary>
    /// The term's dictionary entry (document frequency and postings position per segment), looked up once per snapshot:
    /// the seek into the terms dictionary is most of what a small BM25 query costs. Only terms of the index are kept,
    /// so the cache is bounded by the index's vocabulary.
    /// </summary>
    private TermContext? Context(string term)
    {
        if (_contexts.TryGetValue(term, out var cached)) return cached;
        var context = TermContext.Build(_searcher.TopReaderContext, new Term(TermsField, term));
        if (context.DocFreq == 0) return null;
        _contexts.TryAdd(term, context);
        return context;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TermContext> _contexts = new(StringComparer.Ordinal);

    private List<int> LexicalSearch(IReadOnlyList<string> terms, int pool)
    {
        var query = new BooleanQuery();
        // BooleanQuery allows 1024 clauses; a question never needs more than a few dozen distinct terms.
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Take(256))
        {
            // A term no passage contains cannot match; the others reuse their cached dictionary lookup.
            if (Context(term) is { } context) query.Add(new TermQuery(new Term(TermsField, term), context), Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return [];
        var hits = _searcher.Search(query, pool).ScoreDocs;
        var ordinals = new List<int>(hits.Length);
        foreach (var hit in hits)
        {
            ordinals.Add((int)_ordinals.Get(hit.Doc));
        }
        return ordinals;
    }

    private List<int> DenseSearch(ReadOnlySpan<float> vector, int pool)
    {
        var dimensions = Manifest.Dimensions;
        if (vector.Length != dimensions || Passages.Count == 0) return [];
        // Exact cosine (vectors are unit length): a bounded min-heap keeps the best `pool`.
        var best = new PriorityQueue<int, float>(pool + 1);
        for (var i = 0; i < Passages.Count; i++)
        {
            var similarity = TensorPrimitives.Dot(vector, _vectors.AsSpan(i * dimensions, dimensions));
            if (best.Count < pool) best.Enqueue(i, similarity);
            else if (best.TryPeek(out _, out var worst) && similarity > worst) best.EnqueueDequeue(i, similarity);
        }
        var result = new List<(int Index, float Similarity)>(best.Count);
        while (best.TryDequeue(out var index, out var similarity)) result.Add((index, similarity));
        return result.OrderByDescending(r => r.Similarity).ThenBy(r => r.Index).Select(r => r.Index).ToList();
    }
}
