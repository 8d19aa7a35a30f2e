using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Assistant.Storage.Qdrant;

// Request and response shapes for exactly the Qdrant REST operations this back-end uses (OpenAPI 1.19,
// components/schemas of the same names). Wire names are snake_case, applied by QdrantJson.Options.

/// <summary>Qdrant's success envelope: <c>{"result": …, "status": "ok", "time": …}</c>.</summary>
internal sealed record QdrantResponse<T>(T? Result);

/// <summary>Qdrant's error envelope: <c>{"status": {"error": "…"}, "time": …}</c>.</summary>
internal sealed record QdrantErrorResponse(QdrantErrorStatus? Status);

internal sealed record QdrantErrorStatus(string? Error);

internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, VectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors,
    IReadOnlyDictionary<string, JsonNode?> Metadata);

internal sealed record VectorParams(int Size, string Distance);

internal sealed record SparseVectorParams(string Modifier);

internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

internal sealed record CollectionExistence(bool Exists);

internal sealed record CollectionInfo(CollectionConfig Config);

internal sealed record CollectionConfig(CollectionParams Params, JsonObject? Metadata);

/// <summary><c>vectors</c> is either one unnamed VectorParams or a map of named ones, so it is read as raw JSON.</summary>
internal sealed record CollectionParams(JsonElement Vectors, JsonElement? SparseVectors);

internal sealed record UpdateResult(string Status);

internal sealed record UpsertPointsRequest(IReadOnlyList<QdrantPoint> Points);

/// <summary>A point; <c>Vector</c> maps vector names to a dense <c>float[]</c> or a <see cref="SparseVector"/> (empty for document points).</summary>
internal sealed record QdrantPoint(Guid Id, IReadOnlyDictionary<string, object> Vector, PointPayload Payload);

internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>Payload of both kinds of point; camelCase names as the citation fields are named elsewhere.</summary>
internal sealed record PointPayload
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("documentId")] public required string DocumentId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("contentHash")] public string? ContentHash { get; init; }
    [JsonPropertyName("passageId")] public string? PassageId { get; init; }
    [JsonPropertyName("start")] public int? Start { get; init; }
    [JsonPropertyName("end")] public int? End { get; init; }
    [JsonPropertyName("ordinal")] public int? Ordinal { get; init; }
    /// <summary>Distinct analysed terms of a passage (keyword-indexed), for document frequencies.</summary>
    [JsonPropertyName("terms")] public IReadOnlyList<string>? Terms { get; init; }
}

/// <summary>The subset of Qdrant's Filter grammar used here: conjunctions of exact keyword matches.</summary>
internal sealed record QdrantFilter(IReadOnlyList<FieldCondition> Must, IReadOnlyList<FieldCondition>? MustNot = null);

internal sealed record FieldCondition(string Key, MatchValue Match)
{
    public static FieldCondition Equal(string key, string value) => new(key, new MatchValue(value));
}

internal sealed record MatchValue(string Value);

internal sealed record DeletePointsRequest(QdrantFilter Filter);

internal sealed record ScrollRequest(QdrantFilter Filter, int Limit, JsonElement? Offset, IReadOnlyList<string> WithPayload, bool WithVector = false);

internal sealed record ScrollResult(IReadOnlyList<QdrantRecord> Points, JsonElement? NextPageOffset);

internal sealed record QdrantRecord(JsonElement Id, PointPayload? Payload);

internal sealed record CountRequest(QdrantFilter Filter, bool Exact = true);

internal sealed record CountResult(long Count);

internal sealed record QueryRequest(IReadOnlyList<Prefetch> Prefetch, RrfQuery Query, int Limit, IReadOnlyList<string> WithPayload);

/// <summary>One candidate list: <c>Query</c> is a dense <c>float[]</c> or a <see cref="SparseVector"/>.</summary>
internal sealed record Prefetch(object Query, string Using, int Limit);

/// <summary>Server-side reciprocal rank fusion with an explicit k (Qdrant 1.16+): score = Σ 1 / (k + position from 0).</summary>
internal sealed record RrfQuery(Rrf Rrf);

internal sealed record Rrf(int K);

internal sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

internal sealed record ScoredPoint(JsonElement Id, double Score, PointPayload? Payload);

internal static class QdrantJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
