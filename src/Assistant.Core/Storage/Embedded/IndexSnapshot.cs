using System.Numerics.Tensors;
using Assistant.Chunking;
using Assistant.Documents;
using Assistant.Retrieval;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Assistant.Storage.Embedded;

/// <summary>
/// One generation of the embedded index, held in memory: documents, passages, vectors and the BM25 postings read from
/// its Lucene index (so the snapshot owns no file handles and can simply be dropped when replaced). Immutable, so
/// searches run concurrently without locks.
/// </summary>
internal sealed class IndexSnapshot
{
    internal const string OrdinalField = "ord";
    internal const string TermsField = "terms";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly LexicalPostings _lexical;

    public string Generation { get; }
    public IndexManifest Manifest { get; }
    public IReadOnlyDictionary<string, SourceDocument> Documents { get; }
    public IReadOnlyList<StoredPassage> Passages { get; }

    private readonly int _rrfK;

    private IndexSnapshot(string generation, IndexManifest manifest, List<SourceDocument> documents, List<StoredPassage> passages, LexicalPostings lexical, int rrfK)
    {
        Generation = generation;
        _rrfK = rrfK;
        Manifest = manifest;
        Documents = documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        Passages = passages;
        _lexical = lexical;
    }

    public static async Task<IndexSnapshot> LoadAsync(string root, string generation, int rrfK, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, generation);
        var (manifest, documents, passages) = await IndexFiles.ReadAsync(folder, cancellationToken);
        // The Lucene index is read once, into postings with their BM25 scores; the snapshot keeps no Lucene reader or file handle.
        LexicalPostings lexical;
        try
        {
            using var lucene = FSDirectory.Open(Path.Combine(folder, IndexFiles.LuceneFolder));
            using var reader = DirectoryReader.Open(lucene);
            lexical = LexicalPostings.Read(reader, TermsField, OrdinalField);
        }
        catch (IOException e)
        {
            throw new IndexDamagedException(generation, IndexFiles.LuceneFolder, "cannot be read", e);
        }
        if (lexical.PassageCount != passages.Count)
        {
            throw new IndexDamagedException(generation, IndexFiles.LuceneFolder, $"has {lexical.PassageCount} passages where the passage file has {passages.Count}");
        }
        return new IndexSnapshot(generation, manifest, documents, passages, lexical, rrfK);
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
        var lexical = _lexical.Search(query.Terms, pool);
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
            if (!frequencies.ContainsKey(term)) frequencies[term] = _lexical.DocumentFrequency(term);
        }
        return new TermStatistics(_lexical.PassageCount, frequencies);
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
