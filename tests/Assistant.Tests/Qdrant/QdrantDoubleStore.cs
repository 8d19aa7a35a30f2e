using System.Text.Json.Nodes;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The in-memory state and search semantics of the Qdrant double: named dense (Cosine) and sparse (IDF modifier)
/// vectors, exact-match filters (<c>must</c>, <c>must_not</c>, <c>should</c>, nested filters, arrays matching any
/// element), scroll in point-id order, and reciprocal rank fusion 1/(k + position from 0) as Qdrant computes it.
/// </summary>
internal sealed class QdrantDoubleStore
{
    private readonly Dictionary<string, DoubleCollection> collections = new(StringComparer.Ordinal);

    public object Sync { get; } = new();

    public DoubleCollection? Find(string name) => collections.GetValueOrDefault(name);

    public bool Create(string name, DoubleCollection collection) => collections.TryAdd(name, collection);

    public bool Drop(string name) => collections.Remove(name);

    public static bool Matches(JsonObject? payload, JsonNode? filter)
    {
        if (filter is not JsonObject f) return true;
        var must = Conditions(f["must"]);
        var should = Conditions(f["should"]);
        var mustNot = Conditions(f["must_not"]);
        return must.All(c => MatchesCondition(payload, c))
            && (should.Count == 0 || should.Any(c => MatchesCondition(payload, c)))
            && !mustNot.Any(c => MatchesCondition(payload, c));
    }

    private static List<JsonObject> Conditions(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.OfType<JsonObject>()],
        JsonObject single => [single],
        _ => [],
    };

    private static bool MatchesCondition(JsonObject? payload, JsonObject condition)
    {
        if (condition["key"] is not JsonValue key) return Matches(payload, condition);
        var expected = condition["match"]?["value"];
        return payload?[key.GetValue<string>()] switch
        {
            JsonArray values => values.Any(value => JsonNode.DeepEquals(value, expected)),
            var value => value is not null && JsonNode.DeepEquals(value, expected),
        };
    }
}

internal sealed class DoubleCollection(int size, JsonObject? metadata, JsonObject vectorsConfig, JsonObject? sparseConfig)
{
    public int Size { get; } = size;
    public JsonObject? Metadata { get; } = metadata;
    public JsonObject VectorsConfig { get; } = vectorsConfig;
    public JsonObject? SparseConfig { get; } = sparseConfig;
    public SortedDictionary<string, DoublePoint> Points { get; } = new(StringComparer.Ordinal);
    public HashSet<string> IndexedFields { get; } = new(StringComparer.Ordinal);

    public IEnumerable<DoublePoint> Filtered(JsonNode? filter) => Points.Values.Where(point => QdrantDoubleStore.Matches(point.Payload, filter));

    public List<(DoublePoint Point, double Score)> Dense(float[] query, int limit, JsonNode? filter)
    {
        var normalized = Normalize(query);
        return Top(Filtered(filter).Where(p => p.Dense is not null).Select(p => (p, Dot(normalized, p.Dense!))), limit);
    }

    public List<(DoublePoint Point, double Score)> Sparse(Dictionary<uint, float> query, int limit, JsonNode? filter)
    {
        var withSparse = Points.Values.Where(p => p.Sparse is not null).ToList();
        double Idf(uint index)
        {
            var n = withSparse.Count(p => p.Sparse!.ContainsKey(index));
            return Math.Log(1 + (withSparse.Count - n + 0.5) / (n + 0.5));
        }
        var weights = query.ToDictionary(pair => pair.Key, pair => pair.Value * Idf(pair.Key));
        return Top(Filtered(filter).Where(p => p.Sparse is not null && p.Sparse.Keys.Any(weights.ContainsKey))
            .Select(p => (p, p.Sparse!.Sum(pair => weights.TryGetValue(pair.Key, out var w) ? w * pair.Value : 0))), limit);
    }

    public static List<(DoublePoint Point, double Score)> Rrf(IReadOnlyList<List<(DoublePoint Point, double Score)>> lists, int k, int limit)
    {
        var fused = new Dictionary<DoublePoint, double>();
        foreach (var list in lists)
        {
            for (var position = 0; position < list.Count; position++)
            {
                fused[list[position].Point] = fused.GetValueOrDefault(list[position].Point) + 1.0 / (position + k);
            }
        }
        return Top(fused.Select(pair => (pair.Key, pair.Value)), limit);
    }

    public static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return norm == 0 ? vector : [.. vector.Select(x => (float)(x / norm))];
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static List<(DoublePoint Point, double Score)> Top(IEnumerable<(DoublePoint Point, double Score)> scored, int limit) =>
        [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Id, StringComparer.Ordinal).Take(limit)];
}

internal sealed record DoublePoint(string Id, float[]? Dense, Dictionary<uint, float>? Sparse, JsonObject Payload);
