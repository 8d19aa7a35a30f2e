using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The in-memory Qdrant behind <see cref="QdrantDouble"/>: collections and aliases (alias changes applied atomically),
/// points with named dense (Cosine) and sparse (IDF modifier) vectors, keyword filters (<c>must</c>, <c>should</c>,
/// <c>must_not</c>, nested filters, arrays matching any element) refused on unindexed fields as Qdrant's strict mode
/// does, scroll in point-id order, and reciprocal rank fusion 1/(k + position from 0) as Qdrant computes it. Every
/// request it does not serve is answered Unimplemented, as a server without that call would.
/// </summary>
internal sealed class QdrantDoubleStore
{
    private readonly Dictionary<string, DoubleCollection> collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public IReadOnlyList<string> CollectionNames
    {
        get
        {
            lock (sync) return [.. collections.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public string? AliasTarget(string alias)
    {
        lock (sync) return aliases.GetValueOrDefault(alias);
    }

    public IMessage Serve(string method, IMessage request)
    {
        lock (sync)
        {
            return request switch
            {
                HealthCheckRequest => new HealthCheckReply { Title = "qdrant - vector search engine", Version = "1.16.0" },
                CollectionExistsRequest r => new CollectionExistsResponse { Result = new CollectionExists { Exists = Find(r.CollectionName) is not null } },
                GetCollectionInfoRequest r => new GetCollectionInfoResponse { Result = Get(r.CollectionName).Info() },
                CreateCollection r => Create(r),
                DeleteCollection r => Delete(r.CollectionName),
                ChangeAliases r => ChangeAliases(r),
                ListAliasesRequest => ListAliases(),
                CreateFieldIndexCollection r => Completed(Get(r.CollectionName).IndexedFields.Add(r.FieldName)),
                UpsertPoints r => Completed(Get(r.CollectionName).Upsert(r.Points)),
                DeletePoints r => Completed(Get(r.CollectionName).Delete(r.Points)),
                ScrollPoints r => Get(r.CollectionName).Scroll(r),
                CountPoints r => new CountResponse { Result = new CountResult { Count = (ulong)Get(r.CollectionName).Filtered(r.Filter).Count() } },
                QueryPoints r => Get(r.CollectionName).Query(r),
                _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"{method} is not served by the Qdrant double")),
            };
        }
    }

    private DoubleCollection? Find(string name) =>
        collections.GetValueOrDefault(name) ?? (aliases.TryGetValue(name, out var target) ? collections.GetValueOrDefault(target) : null);

    private DoubleCollection Get(string name) =>
        Find(name) ?? throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));

    private CollectionOperationResponse Create(CreateCollection request)
    {
        if (collections.ContainsKey(request.CollectionName) || aliases.ContainsKey(request.CollectionName))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        }
        if (request.VectorsConfig?.ParamsMap is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the double serves collections with named vectors only"));
        }
        collections[request.CollectionName] = new DoubleCollection(request.Clone());
        return new CollectionOperationResponse { Result = true };
    }

    private CollectionOperationResponse Delete(string name)
    {
        var existed = collections.Remove(name);
        foreach (var alias in aliases.Where(pair => pair.Value == name).Select(pair => pair.Key).ToList()) aliases.Remove(alias);
        return new CollectionOperationResponse { Result = existed };
    }

    /// <summary>All or nothing: the operations are checked against a copy before any takes effect.</summary>
    private CollectionOperationResponse ChangeAliases(ChangeAliases request)
    {
        var next = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
        foreach (var action in request.Actions)
        {
            switch (action.ActionCase)
            {
                case AliasOperations.ActionOneofCase.CreateAlias:
                    var create = action.CreateAlias;
                    if (!collections.ContainsKey(create.CollectionName)) throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{create.CollectionName}` doesn't exist!"));
                    if (collections.ContainsKey(create.AliasName) || next.ContainsKey(create.AliasName)) throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Alias `{create.AliasName}` already exists!"));
                    next[create.AliasName] = create.CollectionName;
                    break;
                case AliasOperations.ActionOneofCase.DeleteAlias:
                    if (!next.Remove(action.DeleteAlias.AliasName)) throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Alias `{action.DeleteAlias.AliasName}` doesn't exist!"));
                    break;
                default:
                    throw new RpcException(new Status(StatusCode.Unimplemented, $"alias action {action.ActionCase} is not served by the Qdrant double"));
            }
        }
        aliases.Clear();
        foreach (var (alias, target) in next) aliases[alias] = target;
        return new CollectionOperationResponse { Result = true };
    }

    private ListAliasesResponse ListAliases()
    {
        var response = new ListAliasesResponse();
        response.Aliases.AddRange(aliases.Select(pair => new AliasDescription { AliasName = pair.Key, CollectionName = pair.Value }));
        return response;
    }

    private static PointsOperationResponse Completed(object _) => new() { Result = new UpdateResult { OperationId = 1, Status = UpdateStatus.Completed } };
}

internal sealed class DoubleCollection(CreateCollection config)
{
    private readonly SortedDictionary<string, DoublePoint> points = new(StringComparer.Ordinal);

    public HashSet<string> IndexedFields { get; } = new(StringComparer.Ordinal);

    // The double's collections have one named dense vector.
    private string DenseName => config.VectorsConfig.ParamsMap.Map.Keys.First();

    private ulong Size => config.VectorsConfig.ParamsMap.Map.Values.First().Size;

    public CollectionInfo Info()
    {
        var info = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            OptimizerStatus = new OptimizerStatus { Ok = true },
            SegmentsCount = 1,
            PointsCount = (ulong)points.Count,
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    VectorsConfig = config.VectorsConfig,
                    SparseVectorsConfig = config.SparseVectorsConfig,
                    ShardNumber = config.ShardNumber,
                    ReplicationFactor = config.ReplicationFactor,
                    WriteConsistencyFactor = config.WriteConsistencyFactor,
                },
                HnswConfig = new HnswConfigDiff(),
                OptimizerConfig = new OptimizersConfigDiff(),
                WalConfig = new WalConfigDiff(),
                Metadata = { config.Metadata },
            },
        };
        foreach (var field in IndexedFields)
        {
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword, Points = (ulong)points.Values.Count(p => p.Payload.ContainsKey(field)) };
        }
        return info;
    }

    public int Upsert(IEnumerable<PointStruct> upserts)
    {
        var parsed = upserts.Select(Parse).ToList();
        foreach (var point in parsed) points[point.Key] = point;
        return parsed.Count;
    }

    public int Delete(PointsSelector selector)
    {
        var doomed = selector.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Filter
            ? Filtered(selector.Filter).Select(p => p.Key).ToList()
            : [.. selector.Points.Ids.Select(KeyOf)];
        return doomed.Count(points.Remove);
    }

    public ScrollResponse Scroll(ScrollPoints request)
    {
        var limit = (int)(request.HasLimit ? request.Limit : 10);
        var from = request.Offset is null ? null : KeyOf(request.Offset);
        var page = Filtered(request.Filter).Where(p => from is null || string.CompareOrdinal(p.Key, from) >= 0).Take(limit + 1).ToList();
        var response = new ScrollResponse { NextPageOffset = page.Count > limit ? page[limit].Id : null };
        response.Result.AddRange(page.Take(limit).Select(p => new RetrievedPoint { Id = p.Id, Payload = { Select(p.Payload, request.WithPayload) } }));
        return response;
    }

    public QueryResponse Query(QueryPoints request)
    {
        var k = request.Query?.VariantCase switch
        {
            global::Qdrant.Client.Grpc.Query.VariantOneofCase.Rrf => request.Query.Rrf.HasK ? request.Query.Rrf.K : 2,
            global::Qdrant.Client.Grpc.Query.VariantOneofCase.Fusion when request.Query.Fusion == Fusion.Rrf => 2u,
            _ => throw new RpcException(new Status(StatusCode.Unimplemented, "the double serves prefetch + RRF fusion queries only")),
        };
        var lists = request.Prefetch.Select(prefetch => Search(prefetch, request.Filter)).ToList();
        var fused = new Dictionary<DoublePoint, double>();
        foreach (var list in lists)
        {
            for (var position = 0; position < list.Count; position++)
            {
                fused[list[position].Point] = fused.GetValueOrDefault(list[position].Point) + 1.0 / (position + k);
            }
        }
        var response = new QueryResponse();
        response.Result.AddRange(Top(fused.Select(pair => (pair.Key, pair.Value)), (int)(request.HasLimit ? request.Limit : 10))
            .Select(s => new ScoredPoint { Id = s.Point.Id, Score = (float)s.Score, Version = 1, Payload = { Select(s.Point.Payload, request.WithPayload) } }));
        return response;
    }

    /// <summary>The points a filter keeps; refused, like strict mode does, when it names a field without a payload index.</summary>
    public IEnumerable<DoublePoint> Filtered(Filter? filter)
    {
        if (filter is not null)
        {
            foreach (var key in Keys(filter).Where(key => !IndexedFields.Contains(key)))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"Bad request: Index required but not found for \"{key}\" of one of the following types: [keyword]. Help: Create an index for this key or use a different filter."));
            }
        }
        return points.Values.Where(point => Matches(point.Payload, filter)).ToList();
    }

    private List<(DoublePoint Point, double Score)> Search(PrefetchQuery prefetch, Filter? filter)
    {
        var input = prefetch.Query?.Nearest ?? throw new RpcException(new Status(StatusCode.Unimplemented, "the double serves nearest-vector prefetches only"));
        var limit = (int)(prefetch.HasLimit ? prefetch.Limit : 10);
        var candidates = Filtered(prefetch.Filter is null ? filter : filter is null ? prefetch.Filter : filter & prefetch.Filter);
        if (prefetch.Using == DenseName && input.Dense is { } dense)
        {
            if ((ulong)dense.Data.Count != Size) throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {Size}, got {dense.Data.Count}"));
            var query = Normalize([.. dense.Data]);
            return Top(candidates.Where(p => p.Dense is not null).Select(p => (p, Dot(query, p.Dense!))), limit);
        }
        if (config.SparseVectorsConfig?.Map.TryGetValue(prefetch.Using, out var sparseParams) == true && input.Sparse is { } sparse)
        {
            var withSparse = points.Values.Where(p => p.Sparse is not null).ToList();
            double Idf(uint index)
            {
                if (sparseParams.Modifier != Modifier.Idf) return 1;
                var n = withSparse.Count(p => p.Sparse!.ContainsKey(index));
                return Math.Log(1 + (withSparse.Count - n + 0.5) / (n + 0.5));
            }
            var weights = sparse.Indices.Zip(sparse.Values).ToDictionary(pair => pair.First, pair => pair.Second * Idf(pair.First));
            return Top(candidates.Where(p => p.Sparse is not null && p.Sparse.Keys.Any(weights.ContainsKey))
                .Select(p => (p, p.Sparse!.Sum(pair => weights.TryGetValue(pair.Key, out var w) ? w * pair.Value : 0))), limit);
        }
        throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {prefetch.Using}"));
    }

    private DoublePoint Parse(PointStruct point)
    {
        float[]? dense = null;
        Dictionary<uint, float>? sparse = null;
        foreach (var (name, vector) in point.Vectors?.Vectors_?.Vectors ?? [])
        {
            if (config.VectorsConfig.ParamsMap.Map.ContainsKey(name) && vector.Dense is { } values)
            {
                if ((ulong)values.Data.Count != Size) throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {Size}, got {values.Data.Count}"));
                dense = Normalize([.. values.Data]);
            }
            else if (config.SparseVectorsConfig?.Map.ContainsKey(name) == true && vector.Sparse is { } terms)
            {
                sparse = terms.Indices.Zip(terms.Values).ToDictionary(pair => pair.First, pair => pair.Second);
            }
            else
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}"));
            }
        }
        return new DoublePoint(point.Id.Clone(), KeyOf(point.Id), dense, sparse, point.Payload.Clone());
    }

    private static string KeyOf(PointId id) => id.HasUuid ? Guid.Parse(id.Uuid).ToString() : id.Num.ToString("D20");

    private static IEnumerable<string> Keys(Filter filter) =>
        filter.Must.Concat(filter.Should).Concat(filter.MustNot).SelectMany(condition => condition.ConditionOneOfCase switch
        {
            Condition.ConditionOneOfOneofCase.Field => [condition.Field.Key],
            Condition.ConditionOneOfOneofCase.Filter => Keys(condition.Filter),
            _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"condition {condition.ConditionOneOfCase} is not served by the Qdrant double")),
        });

    private static bool Matches(MapField<string, Value> payload, Filter? filter) =>
        filter is null
        || (filter.Must.All(c => Matches(payload, c))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(payload, c)))
            && !filter.MustNot.Any(c => Matches(payload, c)));

    private static bool Matches(MapField<string, Value> payload, Condition condition)
    {
        if (condition.ConditionOneOfCase == Condition.ConditionOneOfOneofCase.Filter) return Matches(payload, condition.Filter);
        var match = condition.Field.Match;
        if (match?.MatchValueCase != Match.MatchValueOneofCase.Keyword)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"match {match?.MatchValueCase} is not served by the Qdrant double"));
        }
        return payload.TryGetValue(condition.Field.Key, out var value) && (value.KindCase == Value.KindOneofCase.ListValue
            ? value.ListValue.Values.Any(item => item.StringValue == match.Keyword)
            : value.KindCase == Value.KindOneofCase.StringValue && value.StringValue == match.Keyword);
    }

    private static MapField<string, Value> Select(MapField<string, Value> payload, WithPayloadSelector? selector)
    {
        var selected = new MapField<string, Value>();
        foreach (var (key, value) in payload)
        {
            var keep = selector?.SelectorOptionsCase switch
            {
                WithPayloadSelector.SelectorOptionsOneofCase.Include => selector.Include.Fields.Contains(key),
                WithPayloadSelector.SelectorOptionsOneofCase.Exclude => !selector.Exclude.Fields.Contains(key),
                WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
                _ => false,
            };
            if (keep) selected[key] = value.Clone();
        }
        return selected;
    }

    private static float[] Normalize(float[] vector)
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
        [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Key, StringComparer.Ordinal).Take(limit)];
}

internal sealed record DoublePoint(PointId Id, string Key, float[]? Dense, Dictionary<uint, float>? Sparse, MapField<string, Value> Payload);
