using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// How the index lives in a Qdrant collection: a named dense vector and a named IDF sparse vector per passage
/// point, one vector-less point per document (exact text, title, hash), keyword payload indexes on every filtered
/// field, and the embedder identity in the collection metadata so vectors of different embedders never mix.
/// </summary>
internal static class QdrantCollectionLayout
{
    public const string DenseVector = "dense";
    public const string SparseVector = "sparse";

    public const string PassageKind = "passage";
    public const string DocumentKind = "document";

    public const string KindField = "kind";
    public const string DocumentIdField = "documentId";
    public const string ContentHashField = "contentHash";
    public const string TermsField = "terms";

    /// <summary>
    /// Bumped when the point layout changes, or what is stored in it (the analyser's terms, the titles), so an old
    /// collection is refused rather than misread. 2: loanword spellings unified, proclitic forms restemmed; 3: a leading و kept as a
    /// second stem; 4: dual and plural pronoun suffixes removed as a further stem, a hamza after alef written ء on any seat,
    /// «أل»/«آل» kept as the word's own letters, broken plurals given their singular's terms; 5: a form VIII verb in «الت»
    /// kept as a second stem; 6: «بوتن» spelt «بوتين»; 7: Persian letters read as Arabic ones («پ» as «ب»).
    /// </summary>
    public const int LayoutVersion = 7;

    private const string EmbedderKey = "assistant_embedder";
    private const string DimensionsKey = "assistant_dimensions";
    private const string LayoutKey = "assistant_layout";

    /// <summary>Every field a filter below uses: Qdrant in strict mode refuses filters on unindexed fields.</summary>
    public static readonly IReadOnlyList<string> IndexedKeywordFields = [KindField, DocumentIdField, ContentHashField, TermsField];

    public static readonly string[] PassageFields = ["documentId", "passageId", "title", "start", "end", "text", "ordinal"];

    public static readonly string[] DocumentFields = ["documentId", "title", "text", "contentHash"];

    public static Filter Passages() => MatchKeyword(KindField, PassageKind);

    public static Filter Documents() => MatchKeyword(KindField, DocumentKind);

    public static Filter PassagesOf(string documentId) => Passages() & MatchKeyword(DocumentIdField, documentId);

    public static Filter DocumentPoint(string documentId) => Documents() & MatchKeyword(DocumentIdField, documentId);

    /// <summary>Every point of a document, passages and the document point alike.</summary>
    public static Filter AllOf(string documentId) => MatchKeyword(DocumentIdField, documentId);

    /// <summary>Passages of a document left from an earlier version of its text.</summary>
    public static Filter StalePassagesOf(string documentId, string currentHash)
    {
        var filter = PassagesOf(documentId);
        filter.MustNot.Add(MatchKeyword(ContentHashField, currentHash));
        return filter;
    }

    public static Filter PassagesWithTerm(string term) => Passages() & MatchKeyword(TermsField, term);

    /// <summary>A fresh, unique name for a new build's collection (the alias then points at it).</summary>
    public static string NewCollectionName(string alias) => $"{alias}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..(alias.Length + 24)];

    // The on-disk flags are deprecated in favour of `memory`, which only the newest servers understand; every Qdrant
    // this client supports honours the flags.
#pragma warning disable CS0612
    public static CreateCollection CreateRequest(string name, string embedderId, int dimensions, QdrantOptions options)
    {
        var request = new CreateCollection
        {
            CollectionName = name,
            VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap
                {
                    Map = { [DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine, OnDisk = options.OnDiskVectors } },
                },
            },
            SparseVectorsConfig = new SparseVectorConfig
            {
                Map = { [SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf, Index = new SparseIndexConfig { OnDisk = options.OnDiskVectors } } },
            },
            ShardNumber = Math.Max(1, options.ShardNumber),
            ReplicationFactor = Math.Max(1, options.ReplicationFactor),
            WriteConsistencyFactor = Math.Max(1, options.WriteConsistencyFactor),
            OnDiskPayload = options.OnDiskPayload,
        };
        request.Metadata.Add(EmbedderKey, embedderId);
        request.Metadata.Add(DimensionsKey, dimensions);
        request.Metadata.Add(LayoutKey, LayoutVersion);
        return request;
    }
#pragma warning restore CS0612

    public static string? EmbedderOf(CollectionInfo info) =>
        info.Config?.Metadata.TryGetValue(EmbedderKey, out var value) == true ? value.StringValue : null;

    /// <summary>Why the existing collection cannot take this embedder's vectors, or null when it can.</summary>
    public static string? Incompatibility(CollectionInfo info, string embedderId)
    {
        var metadata = info.Config?.Metadata;
        if (metadata is null || !metadata.TryGetValue(LayoutKey, out var layout) || layout.IntegerValue != LayoutVersion
            || info.Config!.Params?.VectorsConfig?.ParamsMap?.Map.ContainsKey(DenseVector) != true)
        {
            return "was not created by this version of Assistant";
        }

        var stored = EmbedderOf(info);
        return stored == embedderId ? null : $"holds vectors of embedder '{stored}', but the configured embedder is '{embedderId}'";
    }

    public static PointStruct PassagePoint(SourceDocument document, Passage passage, float[] vector, IReadOnlyCollection<string> terms, float referenceLength)
    {
        var vectors = new Dictionary<string, Vector> { [DenseVector] = vector };
        if (terms.Count > 0)
        {
            var sparse = SparseTermEncoder.EncodePassage(terms, referenceLength);
            vectors[SparseVector] = (sparse.Values, sparse.Indices);
        }
        return new PointStruct
        {
            Id = PointIds.ForPassage(passage.PassageId),
            Vectors = vectors,
            Payload =
            {
                [KindField] = PassageKind,
                [DocumentIdField] = passage.DocumentId,
                ["passageId"] = passage.PassageId,
                ["title"] = passage.Title,
                ["start"] = passage.Start,
                ["end"] = passage.End,
                ["text"] = passage.Text,
                ["ordinal"] = passage.Ordinal,
                [ContentHashField] = document.ContentHash,
                [TermsField] = terms.Distinct(StringComparer.Ordinal).ToArray(),
            },
        };
    }

    public static PointStruct DocumentPointOf(SourceDocument document) => new()
    {
        Id = PointIds.ForDocument(document.DocumentId),
        Vectors = new Dictionary<string, Vector>(),
        Payload =
        {
            [KindField] = DocumentKind,
            [DocumentIdField] = document.DocumentId,
            ["title"] = document.Title,
            ["text"] = document.Text,
            [ContentHashField] = document.ContentHash,
        },
    };

    /// <summary>The passage a point's payload describes, or null when a field is missing.</summary>
    public static Passage? ToPassage(MapField<string, Value> payload) =>
        Text(payload, "passageId") is { } passageId && Text(payload, DocumentIdField) is { } documentId
            && Number(payload, "start") is { } start && Number(payload, "end") is { } end && Number(payload, "ordinal") is { } ordinal
            ? new Passage(passageId, documentId, Text(payload, "title") ?? "", start, end, Text(payload, "text") ?? "", ordinal)
            : null;

    public static SourceDocument? ToDocument(MapField<string, Value> payload) =>
        Text(payload, DocumentIdField) is { } documentId
            ? new SourceDocument(documentId, Text(payload, "title") ?? "", Text(payload, "text") ?? "", Text(payload, ContentHashField) ?? "")
            : null;

    public static string? Text(MapField<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    private static int? Number(MapField<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value) && value.KindCase == Value.KindOneofCase.IntegerValue ? (int)value.IntegerValue : null;
}
