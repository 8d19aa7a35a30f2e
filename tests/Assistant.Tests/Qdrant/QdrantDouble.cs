using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// An in-process Qdrant on a loopback port (Kestrel): it serves the routes the client uses, validates every request
/// body against Qdrant's OpenAPI schema (answering 422 with Qdrant's error JSON, as Qdrant does for invalid bodies),
/// checks the <c>api-key</c> header when given one (401 with a plain-text body), and answers in Qdrant's envelope.
/// Every request is recorded for assertions; <see cref="FailNext"/> injects one failure response.
/// </summary>
public sealed class QdrantDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly QdrantDoubleStore store = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<(int Status, string ContentType, string Body)> failures = new();
    private readonly string? apiKey;

    private QdrantDouble(WebApplication app, string? apiKey)
    {
        this.app = app;
        this.apiKey = apiKey;
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Request bodies that did not validate against their OpenAPI schema (they were answered with 422).</summary>
    public IReadOnlyList<string> SchemaViolations => [.. requests.Where(r => r.SchemaErrors.Count > 0).Select(r => $"{r.Route}: {string.Join("; ", r.SchemaErrors)}")];

    public static async Task<QdrantDouble> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var double_ = new QdrantDouble(app, apiKey);
        double_.Map();
        await app.StartAsync();
        double_.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return double_;
    }

    /// <summary>The next request is answered with this status and body instead of being served.</summary>
    public void FailNext(HttpStatusCode status, string body, string contentType = "application/json") =>
        failures.Enqueue(((int)status, contentType, body));

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var route = RouteOf(context.Request);
            var schemaErrors = body.Length > 0 && QdrantOpenApi.RequestSchemas.TryGetValue(route, out var schema)
                ? await QdrantOpenApi.ValidateAsync(schema, body)
                : [];
            requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", route, body,
                context.Request.Headers["api-key"].ToString(), schemaErrors));
            context.Items["body"] = body;

            if (apiKey is not null && context.Request.Headers["api-key"] != apiKey)
            {
                await Text(context, 401, "Must provide an API key or an Authorization bearer token");
            }
            else if (failures.TryDequeue(out var failure))
            {
                context.Response.StatusCode = failure.Status;
                context.Response.ContentType = failure.ContentType;
                await context.Response.WriteAsync(failure.Body);
            }
            else if (schemaErrors.Count > 0)
            {
                await Error(context, 422, $"Validation error in JSON body: {string.Join("; ", schemaErrors)}");
            }
            else
            {
                try
                {
                    await next(context);
                }
                catch (Exception e) when (!context.Response.HasStarted)
                {
                    // A bug in the double shows up in the client's error message instead of an empty 500.
                    await Error(context, 500, $"Service internal error: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        app.MapGet("/collections/{name}/exists", (string name) => Ok(new JsonObject { ["exists"] = WithStore(() => store.Find(name) is not null) }));
        app.MapGet("/collections/{name}", (string name) => WithCollection(name, CollectionInfo));
        app.MapPut("/collections/{name}", (string name, HttpContext context) => CreateCollection(name, Body(context)));
        app.MapDelete("/collections/{name}", (string name) => Ok(WithStore(() => store.Drop(name))));
        app.MapPut("/collections/{name}/index", (string name, HttpContext context) => WithCollection(name, c =>
        {
            c.IndexedFields.Add(Body(context)["field_name"]!.GetValue<string>());
            return Completed();
        }));
        app.MapPut("/collections/{name}/points", (string name, HttpContext context) => WithCollection(name, c => Upsert(c, Body(context))));
        app.MapPost("/collections/{name}/points/delete", (string name, HttpContext context) => WithCollection(name, c =>
        {
            foreach (var point in c.Filtered(Body(context)["filter"]).ToList()) c.Points.Remove(point.Id);
            return Completed();
        }));
        app.MapPost("/collections/{name}/points/scroll", (string name, HttpContext context) => WithCollection(name, c => Scroll(c, Body(context))));
        app.MapPost("/collections/{name}/points/count", (string name, HttpContext context) =>
            WithCollection(name, c => Ok(new JsonObject { ["count"] = c.Filtered(Body(context)["filter"]).Count() })));
        app.MapPost("/collections/{name}/points/query", (string name, HttpContext context) => WithCollection(name, c => Query(c, Body(context))));
    }

    private static string RouteOf(HttpRequest request)
    {
        var segments = request.Path.Value!.Trim('/').Split('/');
        if (segments.Length >= 2 && segments[0] == "collections") segments[1] = "{c}";
        return $"{request.Method} /{string.Join('/', segments)}";
    }

    private static JsonObject Body(HttpContext context) => JsonNode.Parse((string)context.Items["body"]!)!.AsObject();

    private T WithStore<T>(Func<T> action)
    {
        lock (store.Sync) return action();
    }

    private IResult WithCollection(string name, Func<DoubleCollection, IResult> action) => WithStore(() =>
        store.Find(name) is { } collection ? action(collection) : ErrorResult(404, $"Not found: Collection `{name}` doesn't exist!"));

    private IResult CreateCollection(string name, JsonObject body)
    {
        var vectors = body["vectors"]!.AsObject();
        var size = vectors.Single().Value!["size"]!.GetValue<int>();
        var collection = new DoubleCollection(size, body["metadata"]?.DeepClone().AsObject(), vectors.DeepClone().AsObject(), body["sparse_vectors"]?.DeepClone().AsObject());
        return WithStore(() => store.Create(name, collection))
            ? Ok(true)
            : ErrorResult(409, $"Wrong input: Collection `{name}` already exists!");
    }

    private static IResult CollectionInfo(DoubleCollection c) => Ok(new JsonObject
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

    private static IResult Upsert(DoubleCollection c, JsonObject body)
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

    private static IResult Scroll(DoubleCollection c, JsonObject body)
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

    private static IResult Query(DoubleCollection c, JsonObject body)
    {
        if (body["query"]?["fusion"]?.GetValue<string>() != "rrf" || body["prefetch"] is not JsonArray prefetches)
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
        var fused = DoubleCollection.Rrf(lists, body["limit"]?.GetValue<int>() ?? 10);
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

    private static IResult Completed() => Ok(new JsonObject { ["operation_id"] = 1, ["status"] = "completed" });

    private static IResult Ok(JsonNode? result) =>
        Results.Content(new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }.ToJsonString(), "application/json");

    private static IResult ErrorResult(int status, string message) => Results.Content(
        new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0001 }.ToJsonString(), "application/json", statusCode: status);

    private static Task Error(HttpContext context, int status, string message) => ErrorResult(status, message).ExecuteAsync(context);

    private static async Task Text(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text);
    }
}

public sealed record RecordedRequest(string Method, string Path, string Query, string Route, string Body, string ApiKey, IReadOnlyList<string> SchemaErrors)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
