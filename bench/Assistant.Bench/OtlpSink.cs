using System.Collections.Concurrent;

namespace Assistant.Bench;

/// <summary>
/// A stand-in OTLP/HTTP collector (http/protobuf) on a loopback port, in the harness's process: it accepts every
/// export (an empty ExportServiceResponse is full success) and counts the posts and bytes per signal
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), so a run can show what was exported, or that nothing was.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Posts, long Bytes)> _received = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/…).</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpSink> StartAsync(CancellationToken cancellationToken)
    {
        var sink = new OtlpSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        sink.Endpoint = $"http://127.0.0.1:{ChildProcess.FreePort()}";
        builder.WebHost.UseUrls(sink.Endpoint);
        sink._app = builder.Build();
        sink._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            var bytes = 0L;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
            }

            sink._received.AddOrUpdate(signal, (1, bytes), (_, total) => (total.Posts + 1, total.Bytes + bytes));
            return Results.Bytes([], "application/x-protobuf");
        });
        await sink._app.StartAsync(cancellationToken);
        return sink;
    }

    /// <summary>What arrived since the last call, per signal, and starts counting afresh.</summary>
    public OtlpReceipt Take()
    {
        var taken = new Dictionary<string, (int Posts, long Bytes)>(StringComparer.Ordinal);
        foreach (var signal in _received.Keys)
        {
            if (_received.TryRemove(signal, out var total))
            {
                taken[signal] = total;
            }
        }

        (int Posts, long Bytes) Of(string signal) => taken.GetValueOrDefault(signal);
        return new OtlpReceipt(Of("traces").Posts, Of("metrics").Posts, Of("logs").Posts, taken.Values.Sum(t => t.Bytes));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

internal sealed record OtlpReceipt(int TracePosts, int MetricPosts, int LogPosts, long Bytes)
{
    public int Posts => TracePosts + MetricPosts + LogPosts;
}
