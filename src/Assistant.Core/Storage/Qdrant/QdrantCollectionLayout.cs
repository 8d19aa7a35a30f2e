using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// How the index lives in one Qdrant collection: a named dense vector and a named IDF sparse vector per passage
/// point, one vector-less point per document (exact text, title, hash), keyword payload indexes on the filtered
/// fields, and the embedder identity in the collection metadata so vectors of different embedders never mix.
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
    /// «أل»/«آل» kept as the word's own letters, broken plurals given their singular's terms.
    /// </summary>
    public const int LayoutVersion = 4;

    private const string EmbedderKey = "assistant_embedder";
    private const string DimensionsKey = "assistant_dimensions";
    private const string LayoutKey = "assistant_layout";

    public static readonly IReadOnlyList<string> IndexedKeywordFields = [KindField, DocumentIdField, ContentHashField, TermsField];

    public static readonly IReadOnlyList<string> PassageFields = ["documentId", "passageId", "title", "start", "end", "text", "ordinal"];

    public static readonly IReadOnlyList<string> DocumentFields = ["documentId", "title", "text", "contentHash"];

    public static QdrantFilter Passages() => new([FieldCondition.Equal(KindField, PassageKind)]);

    public static QdrantFilter Documents() => new([FieldCondition.Equal(KindField, DocumentKind)]);

    public static QdrantFilter PassagesOf(string documentId) =>
        new([FieldCondition.Equal(KindField, PassageKind), FieldCondition.Equal(DocumentIdField, documentId)]);

    public static QdrantFilter DocumentPoint(string documentId) =>
        new([FieldCondition.Equal(KindField, DocumentKind), FieldCondition.Equal(DocumentIdField, documentId)]);

    /// <summary>Every point of a document, passages and the document point alike.</summary>
    public static QdrantFilter AllOf(string documentId) => new([FieldCondition.Equal(DocumentIdField, documentId)]);

    /// <summary>Passages of a document left from an earlier version of its text.</summary>
    public static QdrantFilter StalePassagesOf(string documentId, string currentHash) =>
        new([FieldCondition.Equal(KindField, PassageKind), FieldCondition.Equal(DocumentIdField, documentId)],
            [FieldCondition.Equal(ContentHashField, currentHash)]);

    public static QdrantFilter PassagesWithTerm(string term) =>
        new([FieldCondition.Equal(KindField, PassageKind), FieldCondition.Equal(TermsField, term)]);

    public static CreateCollectionRequest CreateRequest(string embedderId, int dimensions) => new(
        new Dictionary<string, VectorParams> { [DenseVector] = new(dimensions, "Cosine") },
        new Dictionary<string, SparseVectorParams> { [SparseVector] = new("idf") },
        new Dictionary<string, JsonNode?>
        {
            [EmbedderKey] = embedderId,
            [DimensionsKey] = dimensions,
            [LayoutKey] = LayoutVersion,
        });

    public static string? EmbedderOf(CollectionInfo info) => info.Config.Metadata?[EmbedderKey]?.GetValue<string>();

    /// <summary>Why the existing collection cannot take this embedder's vectors, or null when it can.</summary>
    public static string? Incompatibility(CollectionInfo info, string embedderId)
    {
        var metadata = info.Config.Metadata;
        if (metadata?[LayoutKey] is not JsonValue layout || layout.GetValue<int>() != LayoutVersion
            || info.Config.Params.Vectors.ValueKind != JsonValueKind.Object
            || !info.Config.Params.Vectors.TryGetProperty(DenseVector, out _))
        {
            return "was not created by this version of Assistant";
        }

        var stored = EmbedderOf(info);
        return stored == embedderId ? null : $"holds vectors of embedder '{stored}', but the configured embedder is '{embedderId}'";
    }
}
