using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Text;
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
/// One generation of the embedded index, opened in place: its files are memory-mapped and read when a search or a
/// passage needs them; opening reads only the manifest and the document list (one small entry per document) and builds
/// nothing per passage. Immutable, so searches run concurrently without locks.
/// </summary>
internal sealed class IndexSnapshot
{
    internal const string OrdinalField = "ord";
    internal const string TermsField = "terms";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string LuceneFolder = "lucene";

    private readonly Dictionary<string, int> _documentsById;
    private readonly MappedFile _texts;
    private readonly MappedFile _passages;
    private readonly MappedFile _strings;
    private readonly MappedFile _vectors;
    private readonly MappedFile _quantized;
    private readonly LexicalPostings _lexical;
    private readonly int _rrfK;

    public string Generation { get; }
    public string Folder { get; }
    public IndexManifest Manifest { get; }
    public IReadOnlyList<DocumentEntry> Documents { get; }
    public int PassageCount => Manifest.Passages;

    private IndexSnapshot(string generation, string folder, IndexManifest manifest, List<DocumentEntry> documents, MappedFile texts, MappedFile passages,
        MappedFile strings, MappedFile vectors, MappedFile quantized, LexicalPostings lexical, int rrfK)
    {
        Generation = generation;
        Folder = folder;
        Manifest = manifest;
        Documents = documents;
        _documentsById = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) _documentsById[documents[i].DocumentId] = i;
        _texts = texts;
        _passages = passages;
        _strings = strings;
        _vectors = vectors;
        _quantized = quantized;
        _lexical = lexical;
        _rrfK = rrfK;
    }

    public static async Task<IndexSnapshot> OpenAsync(string root, string generation, int rrfK, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, generation);
        var manifest = await IndexFiles.ReadVerifiedAsync(root, generation, cancellationToken);
        var documents = await IndexFiles.ReadLinesAsync<DocumentEntry>(folder, generation, IndexFiles.DocumentsFile, cancellationToken);
        try
        {
            var snapshot = new IndexSnapshot(generation, folder, manifest, documents,
                MappedFile.Open(Path.Combine(folder, IndexFiles.TextsFile)),
                MappedFile.Open(Path.Combine(folder, IndexFiles.PassagesFile)),
                MappedFile.Open(Path.Combine(folder, IndexFiles.StringsFile)),
                MappedFile.Open(Path.Combine(folder, IndexFiles.VectorsFile)),
                MappedFile.Open(Path.Combine(folder, IndexFiles.QuantizedVectorsFile)),
                LexicalPostings.Open(folder, generation, manifest.Passages),
                rrfK);
            snapshot.CheckLayout();
            return snapshot;
        }
        catch (IOException e)
        {
            throw new IndexDamagedException(generation, e is FileNotFoundException missing ? Path.GetFileName(missing.FileName) ?? "a file" : "a file", "cannot be read", e);
        }
    }

    /// <summary>
    /// The files fit together: counts as the manifest says, each document's text and passages where the next one's begin,
    /// each passage inside its document's text and its strings inside the strings file. Checksums catch changed bytes;
    /// this catches a generation written wrong, so nothing is ever read out of place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckLayout()
    {
        void Require(bool condition, string file, string reason)
        {
            if (!condition) throw new IndexDamagedException(Generation, file, reason);
        }
        Require(Documents.Count == Manifest.Documents, IndexFiles.DocumentsFile, $"has {Documents.Count} documents where the manifest says {Manifest.Documents}");
        Require(_passages.Count<PassageEntry>() == PassageCount && _passages.Length % System.Runtime.CompilerServices.Unsafe.SizeOf<PassageEntry>() == 0,
            IndexFiles.PassagesFile, $"does not hold the {PassageCount} passages of the manifest");
        Require(_vectors.Length == (long)PassageCount * Manifest.Dimensions * sizeof(float), IndexFiles.VectorsFile, "does not match the passages");
        Require(_quantized.Length == (long)PassageCount * QuantizedVectors.RecordSize(Manifest.Dimensions), IndexFiles.QuantizedVectorsFile, "does not match the passages");
        long text = 0;
        var passage = 0;
        foreach (var document in Documents)
        {
            Require(document.TextOffset == text && document.FirstPassage == passage && document.TextLength >= 0 && document.PassageCount >= 0,
                IndexFiles.DocumentsFile, $"places {document.DocumentId} out of order");
            text += document.TextLength;
            passage += document.PassageCount;
        }
        Require(passage == PassageCount, IndexFiles.DocumentsFile, "does not account for every passage");
        Require(_texts.Length == text * sizeof(char), IndexFiles.TextsFile, "does not match the documents");
        for (var ordinal = 0; ordinal < PassageCount; ordinal++)
        {
            var entry = Entry(ordinal);
            var inDocument = entry.Document >= 0 && entry.Document < Documents.Count
                && ordinal - Documents[entry.Document].FirstPassage is var index && index >= 0 && index < Documents[entry.Document].PassageCount
                && entry.Start >= 0 && entry.Start <= entry.End && entry.End <= Documents[entry.Document].TextLength;
            Require(inDocument, IndexFiles.PassagesFile, $"passage {ordinal} lies outside its document");
            Require(entry.IdOffset >= 0 && entry.IdLength >= 0 && entry.IdOffset + entry.IdLength <= _strings.Length
                && entry.TermsOffset >= 0 && entry.TermsLength >= 0 && entry.TermsOffset + entry.TermsLength <= _strings.Length,
                IndexFiles.StringsFile, $"does not hold the strings of passage {ordinal}");
        }
    }

    private PassageEntry Entry(int ordinal) => _passages.Read<PassageEntry>(ordinal, 1)[0];

    private ReadOnlySpan<char> Text(DocumentEntry document) => _texts.Read<char>(document.TextOffset, document.TextLength);

    /// <summary>
    /// Passages read lately, one slot per ordinal modulo the size (a new passage takes its slot's place): a search
    /// hands out the same few dozen passages question after question, and reading one copies its text out of the
    /// document. Bounded to <see cref="RecentPassageSlots"/> passages; a slot is swapped whole, so concurrent searches
    /// see either passage, each complete.
    /// </summary>
    private readonly RecentSlots<Passage> _recent = new(RecentPassageSlots);

    private const int RecentPassageSlots = 4_096;

    /// <summary>The passage at <paramref name="ordinal"/>, its text read from its document's text by its offsets.</summary>
    public Passage Passage(int ordinal)
    {
        if (_recent.Get(ordinal) is { } recent) return recent;
        var passage = ReadPassage(ordinal);
        _recent.Set(ordinal, passage);
        return passage;
    }

    private Passage ReadPassage(int ordinal)
    {
        var entry = Entry(ordinal);
        var document = Documents[entry.Document];
        var id = Encoding.UTF8.GetString(_strings.Read<byte>(entry.IdOffset, entry.IdLength));
        return new Passage(id, document.DocumentId, document.Title, entry.Start, entry.End, new string(Text(document)[entry.Start..entry.End]), entry.Ordinal);
    }

    /// <summary>The analysed terms stored with the passage at <paramref name="ordinal"/>, separated by spaces.</summary>
    public string Terms(int ordinal)
    {
        var entry = Entry(ordinal);
        return Encoding.UTF8.GetString(_strings.Read<byte>(entry.TermsOffset, entry.TermsLength));
    }

    /// <summary>A document with its exact text, or null.</summary>
    public SourceDocument? Document(string documentId)
    {
        if (!_documentsById.TryGetValue(documentId, out var index)) return null;
        if (_recentDocuments.Get(index) is { } recent) return recent;
        var document = Documents[index];
        var source = new SourceDocument(document.DocumentId, document.Title, new string(Text(document)), document.ContentHash);
        if (document.TextLength <= MaxRecentDocumentChars) _recentDocuments.Set(index, source);
        return source;
    }

    /// <summary>
    /// Documents read lately, one slot per document index modulo the size, as <see cref="Passage"/> keeps passages:
    /// every answer's citations are checked against their documents' text, and reading one copies all of it. Only
    /// documents of at most <see cref="MaxRecentDocumentChars"/> characters are kept, so the slots hold at most 32 MB.
    /// </summary>
    private readonly RecentSlots<SourceDocument> _recentDocuments = new(RecentDocumentSlots);

    private const int RecentDocumentSlots = 256;
    private const int MaxRecentDocumentChars = 64 * 1024;

    /// <summary>Writes the Lucene index of a generation's passage terms (ordinals in order) and turns it into its postings files.</summary>
    public static void WriteLexical(string folder, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var lucenePath = Path.Combine(folder, LuceneFolder);
        using (var directory = WriteLucene(lucenePath, terms, cancellationToken))
        using (var reader = DirectoryReader.Open(directory))
        {
            LexicalPostings.Write(reader, TermsField, OrdinalField, folder);
        }
        // Only the postings are read; the Lucene index was the way to Lucene's exact BM25 scores.
        System.IO.Directory.Delete(lucenePath, recursive: true);
    }

    /// <summary>A Lucene index of one document per passage: its ordinal and its terms (already analysed, split on spaces).</summary>
    internal static FSDirectory WriteLucene(string path, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
        };
        using var writer = new IndexWriter(directory, config);
        var ordinal = 0;
        foreach (var passageTerms in terms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddDocument(new Document
            {
                new NumericDocValuesField(OrdinalField, ordinal++),
                new TextField(TermsField, passageTerms, Field.Store.NO),
            });
        }
        writer.Commit();
        return directory;
    }

    public IReadOnlyList<ScoredPassage> Search(PassageQuery query)
    {
        var pool = Math.Max(query.CandidatePool, query.TopK);
        var lexical = _lexical.Search(query.Terms, pool);
        var dense = DenseSearch(query.Vector.Span, pool);
        var fused = ReciprocalRankFusion.Fuse(lexical, dense, _rrfK, query.TopK);
        var passages = new List<ScoredPassage>(fused.Count);
        for (var i = 0; i < fused.Count; i++) passages.Add(new ScoredPassage(Passage(fused[i].Item), fused[i].Score, fused[i].LexicalRank, fused[i].DenseRank));
        return passages;
    }

    public TermStatistics Statistics(IReadOnlyCollection<string> terms)
    {
        // Sized for the terms at once: a question's statistics are asked for several times per request.
        var frequencies = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!frequencies.ContainsKey(term)) frequencies[term] = _lexical.DocumentFrequency(term);
        }
        return new TermStatistics(PassageCount, frequencies);
    }

    /// <summary>
    /// The best <paramref name="pool"/> passages by cosine (vectors are unit length), best first, ties to the earlier
    /// passage. Up to <see cref="ShortlistSize"/> passages are all scored exactly; beyond, the int8 vectors pick that many
    /// and the float vectors rank them, so a search touches a quarter of the vector bytes and a few float vectors.
    /// </summary>
    internal List<int> DenseSearch(ReadOnlySpan<float> vector, int pool)
    {
        var dimensions = Manifest.Dimensions;
        if (vector.Length != dimensions || PassageCount == 0) return [];
        var shortlist = ShortlistSize(pool);
        var candidates = PassageCount <= shortlist ? Enumerable.Range(0, PassageCount).ToList() : Shortlist(vector, shortlist);
        var exact = new List<(int Index, float Similarity)>(candidates.Count);
        foreach (var i in candidates) exact.Add((i, TensorPrimitives.Dot(vector, _vectors.Read<float>((long)i * dimensions, dimensions))));
        // Indices are unique, so the order is total and a plain sort gives what a LINQ ordering would.
        exact.Sort(static (a, b) => b.Similarity.CompareTo(a.Similarity) is var bySimilarity and not 0 ? bySimilarity : a.Index.CompareTo(b.Index));
        var best = new List<int>(Math.Clamp(pool, 0, exact.Count));
        for (var i = 0; i < exact.Count && i < pool; i++) best.Add(exact[i].Index);
        return best;
    }

    /// <summary>How many passages the int8 scan hands to the exact ranking: ample room around the pool for quantisation error.</summary>
    private static int ShortlistSize(int pool) => Math.Max(4 * pool, 200);

    /// <remarks>Compiled optimised at once, as the loops of a one-question process would otherwise run unoptimised.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> Shortlist(ReadOnlySpan<float> vector, int size)
    {
        var query = QuantizedVectors.QuantizeQuery(vector);
        var recordSize = QuantizedVectors.RecordSize(Manifest.Dimensions);
        var best = new PriorityQueue<int, float>(size + 1);
        for (var i = 0; i < PassageCount; i++)
        {
            var score = QuantizedVectors.Score(query, _quantized.Read<byte>((long)i * recordSize, recordSize));
            if (best.Count < size) best.Enqueue(i, score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(i, score);
        }
        return best.UnorderedItems.Select(item => item.Element).ToList();
    }
}
