using System.Text.Json.Nodes;
using NJsonSchema;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The schemas of Qdrant's OpenAPI document (v1.19, copied from qdrant/qdrant docs/redoc/master/openapi.json) as
/// JSON Schema validators. OpenAPI 3.0's <c>nullable</c> has no JSON Schema meaning, and as written
/// (<c>anyOf: [X, {nullable: true}]</c>) the second branch would accept anything, so it is rewritten to
/// <c>type: null</c> first; <c>#/components/schemas/…</c> references become <c>#/definitions/…</c>.
/// </summary>
public static class QdrantOpenApi
{
    /// <summary>Request body schema of each route the client calls ("METHOD /path" with the collection name as {c}).</summary>
    public static readonly IReadOnlyDictionary<string, string> RequestSchemas = new Dictionary<string, string>
    {
        ["PUT /collections/{c}"] = "CreateCollection",
        ["PUT /collections/{c}/index"] = "CreateFieldIndex",
        ["PUT /collections/{c}/points"] = "PointInsertOperations",
        ["POST /collections/{c}/points/delete"] = "PointsSelector",
        ["POST /collections/{c}/points/scroll"] = "ScrollRequest",
        ["POST /collections/{c}/points/count"] = "CountRequest",
        ["POST /collections/{c}/points/query"] = "QueryRequest",
    };

    private static readonly Lazy<Task<JsonSchema>> Root = new(LoadAsync);

    /// <summary>Validation errors of <paramref name="json"/> against <c>components/schemas/{schemaName}</c>; empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string schemaName, string json)
    {
        var root = await Root.Value;
        if (!root.Definitions.TryGetValue(schemaName, out var schema))
        {
            throw new ArgumentException($"No schema '{schemaName}' in the Qdrant OpenAPI document.", nameof(schemaName));
        }
        return [.. schema.Validate(json).Select(error => error.ToString())];
    }

    private static async Task<JsonSchema> LoadAsync()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Qdrant", "qdrant-openapi.json")))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var root = new JsonObject { ["definitions"] = Rewrite(schemas.DeepClone()) };
        return await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Rewrite(array[i]?.DeepClone());
                return array;
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    obj[key] = Rewrite(obj[key]?.DeepClone());
                }
                if (obj["$ref"] is JsonValue reference)
                {
                    obj["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
                }
                return obj["nullable"] is JsonValue nullable && obj.Remove("nullable") && nullable.GetValue<bool>() ? AllowNull(obj) : obj;
            default:
                return node;
        }
    }

    private static JsonObject AllowNull(JsonObject schema)
    {
        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            return schema;
        }
        if (schema.ContainsKey("$ref") || schema.ContainsKey("anyOf") || schema.ContainsKey("oneOf") || schema.ContainsKey("allOf"))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }
        schema["type"] = "null";
        return schema;
    }
}
