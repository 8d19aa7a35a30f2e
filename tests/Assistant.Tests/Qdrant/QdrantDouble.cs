using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// An in-process Qdrant on a loopback port (<see cref="HttpListener"/>): it serves the routes the client uses,
/// validates every request body against Qdrant's OpenAPI schema (answering 422 with Qdrant's error JSON, as Qdrant does
/// for invalid bodies), checks the <c>api-key</c> header when given one (401 with a plain-text body, as Qdrant), and
/// answers in Qdrant's envelope. Every request is recorded; <see cref="FailNext"/> injects one failure response.
/// </summary>
public sealed class QdrantDouble : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly QdrantDoubleStore store = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<Reply> failures = new();
    private readonly string? apiKey;
    private Task serving = Task.CompletedTask;

    private QdrantDouble(string? apiKey) => this.apiKey = apiKey;

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Request bodies that did not validate against their OpenAPI schema (they were answered with 422).</summary>
    public IReadOnlyList<string> SchemaViolations => [.. requests.Where(r => r.SchemaErrors.Count > 0).Select(r => $"{r.Route}: {string.Join("; ", r.SchemaErrors)}")];

    public static Task<QdrantDouble> StartAsync(string? apiKey = null)
    {
        var server = new QdrantDouble(apiKey);
        server.Url = $"http://127.0.0.1:{FreePort()}";
        server.listener.Prefixes.Add(server.Url + "/");
        server.listener.Start();
        server.serving = server.ServeAsync();
        return Task.FromResult(server);
    }

    /// <summary>The next request is answered with this status and body instead of being served.</summary>
    public void FailNext(HttpStatusCode status, string body, string contentType = "application/json") =>
        failures.Enqueue(new Reply((int)status, contentType, body));

    public async ValueTask DisposeAsync()
    {
        // Close alone: on Linux, Stop then Close removes the endpoint twice, and the second removal binds the port again
        // for a moment, failing with "Address already in use" when another test has just taken that port.
        listener.Close();
        await serving;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
        var route = RouteOf(request.HttpMethod, request.Url!.AbsolutePath);
        var schemaErrors = body.Length > 0 && QdrantOpenApi.RequestSchemas.TryGetValue(route, out var schema)
            ? await QdrantOpenApi.ValidateAsync(schema, body)
            : [];
        var key = request.Headers["api-key"] ?? "";
        requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url.AbsolutePath, request.Url.Query, route, body, key, schemaErrors));

        Reply reply;
        if (apiKey is not null && key != apiKey)
        {
            reply = new Reply(401, "text/plain", "Must provide an API key or an Authorization bearer token");
        }
        else if (!failures.TryDequeue(out reply!))
        {
            try
            {
                reply = schemaErrors.Count > 0
                    ? ErrorResult(422, $"Validation error in JSON body: {string.Join("; ", schemaErrors)}")
                    : Serve(route, request.Url.AbsolutePath.Trim('/').Split('/')[1], body);
            }
            catch (Exception e)
            {
                // A bug in the double shows up in the client's error message instead of an empty 500.
                reply = ErrorResult(500, $"Service internal error: {e.GetType().Name}: {e.Message}");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private Reply Serve(string route, string name, string body) => route switch
    {
        "GET /collections/{c}/exists" => Ok(new JsonObject { ["exists"] = WithStore(() => store.Find(name) is not null) }),
        "GET /collections/{c}" => WithCollection(name, CollectionInfo),
        "PUT /collections/{c}" => CreateCollection(name, Json(body)),
        "DELETE /collections/{c}" => Ok(WithStore(() => store.Drop(name))),
        "PUT /collections/{c}/index" => WithCollection(name, c =>
        {
            c.IndexedFields.Add(Json(body)["field_name"]!.GetValue<string>());
            return Completed();
        }),
        "PUT /collections/{c}/points" => WithCollection(name, c => Upsert(c, Json(body))),
        "POST /collections/{c}/points/delete" => WithCollection(name, c =>
        {
            foreach (var point in c.Filtered(Json(body)["filter"]).ToList()) c.Points.Remove(point.Id);
            return Completed();
        }),
        "POST /collections/{c}/points/scroll" => WithCollection(name, c => Scroll(c, Json(body))),
        "POST /collections/{c}/points/count" => WithCollection(name, c => Ok(new JsonObject { ["count"] = c.Filtered(Json(body)["filter"]).Count() })),
        "POST /collections/{c}/points/query" => WithCollection(name, c => Query(c, Json(body))),
        // Qdrant's router answers unknown routes with an empty 404.
        _ => new Reply(404, "text/plain", ""),
    };

    private static string RouteOf(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length >= 2 && segments[0] == "collections") segments[1] = "{c}";
        return $"{method} /{string.Join('/', segments)}";
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private T WithStore<T>(Func<T> action)
    {
        lock (store.Sync) return action();
    }

    private Reply WithCollection(string name, Func<DoubleCollection, Reply> action) => WithStore(() =>
        store.Find(name) is { } collection ? action(collection) : ErrorResult(404, $"Not found: Collection `{name}` doesn't exist!"));

    private Reply CreateCollection(string name, JsonObject body)
    {
        var vectors = body["vectors"]!.AsObject();
        var size = vectors.Single().Value!["size"]!.GetValue<int>();
        var collection = new DoubleCollection(size, body["metadata"]?.DeepClone().AsObject(), vectors.DeepClone().AsObject(), body["sparse_vectors"]?.DeepClone().AsObject());
        return WithStore(() => store.Create(name, collection))
            ? Ok(true)
            : ErrorResult(409, $"Wrong input: Collection `{name}` already exists!");
    }

    private static Reply CollectionInfo(DoubleCollection c) => Ok(new JsonObject
    {
        ["status"] = "green",
        ["optimizer_status"] = "ok",
        ["indexed_vectors_count"] = 0,
        ["points_count"] = c.Points.Count,
        ["segments_count"] = 1,
        ["config"] = new JsonObject
        {
            ["params"] = new JsonObject
            {
                ["vectors"] = c.VectorsConfig.DeepClone(),
                ["shard_number"] = 1,
                ["replication_factor"] = 1,
                ["write_consistency_factor"] = 1,
                ["on_disk_payload"] = true,
                ["sparse_vectors"] = c.SparseConfig?.DeepClone(),
            },
            ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
            ["optimizer_config"] = new JsonObject { ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
            ["metadata"] = c.Metadata?.DeepClone(),
        },
        ["payload_schema"] = new JsonObject(c.IndexedFields.Select(field => KeyValuePair.Create(field, (JsonNode?)new JsonObject
        {
            ["data_type"] = "keyword",
            ["points"] = c.Points.Values.Count(p => p.Payload.ContainsKey(field)),
        }))),
    });

    private static Reply Upsert(DoubleCollection c, JsonObject body)
    {
        var points = new List<DoublePoint>();
        foreach (var point in body["points"]!.AsArray().Cast<JsonObject>())
        {
            var vectors = point["vector"]!.AsObject();
            var dense = vectors["dense"]?.Deserialize<float[]>();
            if (dense is not null && dense.Length != c.Size)
            {
                return ErrorResult(400, $"Wrong input: Vector dimension error: expected dim: {c.Size}, got {dense.Length}");
            }
            var id = Guid.Parse(point["id"]!.GetValue<string>()).ToString();
            points.Add(new DoublePoint(id, dense is null ? null : DoubleCollection.Normalize(dense), Sparse(vectors["sparse"]), point["payload"]?.DeepClone().AsObject() ?? []));
        }
        foreach (var point in points) c.Points[point.Id] = point;
        return Completed();
    }

    private static Reply Scroll(DoubleCollection c, JsonObject body)
    {
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        var offset = body["offset"]?.GetValue<string>();
        var page = c.Filtered(body["filter"]).Where(p => offset is null || string.CompareOrdinal(p.Id, offset) >= 0).Take(limit + 1).ToList();
        return Ok(new JsonObject
        {
            ["points"] = new JsonArray([.. page.Take(limit).Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["payload"] = Select(p.Payload, body["with_payload"]) })]),
            ["next_page_offset"] = page.Count > limit ? page[limit].Id : null,
        });
    }

    private static Reply Query(DoubleCollection c, JsonObject body)
    {
        // Qdrant's default k for {"fusion":"rrf"} is 2; {"rrf":{"k":N}} sets it.
        var k = body["query"]?["fusion"]?.GetValue<string>() == "rrf" ? 2 : body["query"]?["rrf"]?["k"]?.GetValue<int>();
        if (k is null || body["prefetch"] is not JsonArray prefetches)
        {
            return ErrorResult(400, "Bad request: the double only serves prefetch + rrf fusion queries");
        }
        var lists = new List<List<(DoublePoint Point, double Score)>>();
        foreach (var prefetch in prefetches.Cast<JsonObject>())
        {
            var limit = prefetch["limit"]?.GetValue<int>() ?? 10;
            var filter = body["filter"];
            if (prefetch["using"]!.GetValue<string>() == "dense")
            {
                var vector = prefetch["query"]!.Deserialize<float[]>()!;
                if (vector.Length != c.Size) return ErrorResult(400, $"Wrong input: Vector dimension error: expected dim: {c.Size}, got {vector.Length}");
                lists.Add(c.Dense(vector, limit, filter));
            }
            else
            {
                lists.Add(c.Sparse(Sparse(prefetch["query"])!, limit, filter));
            }
        }
        var fused = DoubleCollection.Rrf(lists, k.Value, body["limit"]?.GetValue<int>() ?? 10);
        return Ok(new JsonObject
        {
            ["points"] = new JsonArray([.. fused.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Point.Id,
                ["version"] = 1,
                ["score"] = s.Score,
                ["payload"] = Select(s.Point.Payload, body["with_payload"]),
            })]),
        });
    }

    private static Dictionary<uint, float>? Sparse(JsonNode? node)
    {
        if (node is null) return null;
        var indices = node["indices"]!.Deserialize<uint[]>()!;
        var values = node["values"]!.Deserialize<float[]>()!;
        return indices.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private static JsonObject? Select(JsonObject payload, JsonNode? withPayload) => withPayload switch
    {
        JsonArray fields => new JsonObject(fields.Select(f => f!.GetValue<string>()).Where(payload.ContainsKey)
            .Select(f => KeyValuePair.Create(f, payload[f]?.DeepClone()))),
        JsonValue value when !value.GetValue<bool>() => null,
        _ => payload.DeepClone().AsObject(),
    };

    private static Reply Completed() => Ok(new JsonObject { ["operation_id"] = 1, ["status"] = "completed" });

    private static Reply Ok(JsonNode? result) =>
        new(200, "application/json", new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }.ToJsonString());

    private static Reply ErrorResult(int status, string message) =>
        new(status, "application/json", new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0001 }.ToJsonString());

    private sealed record Reply(int Status, string ContentType, string Body);


}

public sealed record RecordedRequest(string Method, string Path, string Query, string Route, string Body, string ApiKey, IReadOnlyList<string> SchemaErrors)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
