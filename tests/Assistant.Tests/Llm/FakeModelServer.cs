using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Llm;

/// <summary>
/// A model service on the loopback interface that speaks just enough of a wire protocol (OpenAI or Ollama chat) for
/// the real client libraries to talk to it: it records each request and answers with what <c>reply</c> makes of the
/// prompt's last user message.
/// </summary>
internal sealed class FakeModelServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeModelServer(Func<string, string, byte[]> respond)
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = ServeAsync(respond);
    }

    public Uri Endpoint { get; }

    public List<(string Path, string? Authorization, JsonNode Body)> Requests { get; } = [];

    /// <summary>Status codes to answer the next requests with, one each, before replying normally (e.g. 500, 429, 400).</summary>
    public Queue<int> Failures { get; } = new();

    /// <summary>Never reply (until disposed): a model that has stopped answering.</summary>
    public bool Hang { get; set; }

    /// <summary>Released once per request received, so that a test can act while one is pending.</summary>
    public SemaphoreSlim RequestArrived { get; } = new(0);

    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled on dispose: a pending accept is not always completed by closing the listener.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>An OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's /openai/v1/).</summary>
    public static FakeModelServer OpenAI(Func<string, string> reply) => new((_, body) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = JsonNode.Parse(body)!["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply(LastUserMessage(body)) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        }.ToJsonString()));

    /// <summary>Ollama's /api/chat, answered as a stream of one final chunk.</summary>
    public static FakeModelServer Ollama(Func<string, string> reply) => new((_, body) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["model"] = JsonNode.Parse(body)!["model"]!.GetValue<string>(),
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply(LastUserMessage(body)) },
            ["done"] = true,
            ["done_reason"] = "stop",
        }.ToJsonString() + "\n"));

    /// <summary>An OpenAI-compatible embeddings endpoint; vectors come as floats or base64, as the client asks.</summary>
    public static FakeModelServer OpenAIEmbeddings(Func<string, float[]> embed) => new((_, body) =>
    {
        var request = JsonNode.Parse(body)!;
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray(Inputs(request["input"]!).Select((input, i) => (JsonNode)new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = base64
                ? Convert.ToBase64String(embed(input).SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(embed(input).Select(v => (JsonNode)v).ToArray()),
        }).ToArray());
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        }.ToJsonString());
    });

    /// <summary>Ollama's /api/embed.</summary>
    public static FakeModelServer OllamaEmbeddings(Func<string, float[]> embed) => new((_, body) =>
    {
        var request = JsonNode.Parse(body)!;
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["model"] = request["model"]!.GetValue<string>(),
            ["embeddings"] = new JsonArray(Inputs(request["input"]!).Select(input => (JsonNode)new JsonArray(embed(input).Select(v => (JsonNode)v).ToArray())).ToArray()),
        }.ToJsonString());
    });

    /// <summary>The texts of an embedding request ("input" is a string or an array of strings).</summary>
    public static IReadOnlyList<string> Inputs(JsonNode input) =>
        input is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [input.GetValue<string>()];

    private static string LastUserMessage(string body) =>
        JsonNode.Parse(body)!["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();

    private async Task ServeAsync(Func<string, string, byte[]> respond)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stopping.Token);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], JsonNode.Parse(body)!));
            }

            RequestArrived.Release();
            if (Hang)
            {
                await _released.Task;
                context.Response.Abort();
                continue;
            }

            int? failure = null;
            lock (Failures)
            {
                if (Failures.Count > 0) failure = Failures.Dequeue();
            }
            if (failure is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes($"{{\"error\":{{\"message\":\"status {status}\",\"type\":\"test\"}}}}"));
                context.Response.Close();
                continue;
            }

            var payload = respond(context.Request.Url!.AbsolutePath, body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(payload);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone (see QdrantDouble.DisposeAsync): Stop then Close rebinds the port for a moment on Linux.
        _released.TrySetResult();
        await _stopping.CancelAsync();
        _listener.Close();
        await _serving;
        _stopping.Dispose();
    }
}
