using System.Text.Json.Nodes;

namespace Assistant.Bench;

/// <summary>
/// The ceiling for POST /api/messages: the same framework (ASP.NET Core minimal API on Kestrel) parsing the activity
/// and echoing it back as an expectReplies body, with no retrieval or answering.
/// </summary>
internal static class EchoServer
{
    public static async Task RunAsync(string url, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/api/messages", (JsonObject activity) =>
        {
            var reply = new JsonObject
            {
                ["type"] = "message",
                ["replyToId"] = activity["id"]?.GetValue<string>(),
                ["conversation"] = activity["conversation"]?.DeepClone(),
                ["from"] = activity["recipient"]?.DeepClone(),
                ["recipient"] = activity["from"]?.DeepClone(),
                ["text"] = activity["text"]?.GetValue<string>(),
            };
            return Results.Json(new JsonObject { ["activities"] = new JsonArray(reply) });
        });
        await app.RunAsync(cancellationToken);
    }
}
