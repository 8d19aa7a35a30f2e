using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// An OTLP/HTTP (http/protobuf) collector on an ephemeral loopback port: it accepts every export and keeps the raw
/// protobuf bodies per signal path (/v1/traces, /v1/metrics, /v1/logs). Names are found in the bytes as the protobuf
/// string fields they are encoded as, so a match means a span, metric or attribute of that name, not a stray substring.
/// </summary>
public sealed class OtlpCollectorDouble : IAsyncDisposable
{
    public const string Traces = "/v1/traces";
    public const string Metrics = "/v1/metrics";

    /// <summary>Span.name is field 5 of a span; Metric.name and KeyValue.key are field 1 (length-delimited).</summary>
    public const byte SpanNameField = (5 << 3) | 2;
    public const byte NameOrKeyField = (1 << 3) | 2;

    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private LoopbackServer? _server;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT (no trailing slash: the exporter appends /v1/…).</summary>
    public string Endpoint => _server!.BaseUri.AbsoluteUri.TrimEnd('/');

    public static async Task<OtlpCollectorDouble> StartAsync()
    {
        var collector = new OtlpCollectorDouble();
        collector._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector._exports.Enqueue((request.Path.Value!, body.ToArray()));
            // An empty ExportServiceResponse is an empty protobuf message: full success.
            return Results.Bytes([], "application/x-protobuf");
        }));
        return collector;
    }

    /// <summary>Every body received so far, on any path.</summary>
    public IEnumerable<byte[]> Bodies => _exports.Select(e => e.Body);

    /// <summary>Waits until the bodies received on <paramref name="path"/> hold every expected field; returns the ones still missing at the deadline.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(string path, IReadOnlyList<(byte Field, string Value)> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var bodies = _exports.Where(e => e.Path == path).Select(e => e.Body).ToList();
            var missing = expected.Where(e => !bodies.Any(b => Contains(b, Encoded(e.Field, e.Value)))).Select(e => e.Value).ToList();
            if (missing.Count == 0 || DateTime.UtcNow > deadline)
            {
                return missing;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A protobuf length-delimited field: tag, varint length, UTF-8 bytes.</summary>
    private static byte[] Encoded(byte field, string value)
    {
        var text = Encoding.UTF8.GetBytes(value);
        var bytes = new List<byte> { field };
        for (var length = (uint)text.Length; ; length >>= 7)
        {
            if (length < 0x80)
            {
                bytes.Add((byte)length);
                break;
            }
            bytes.Add((byte)(length | 0x80));
        }
        bytes.AddRange(text);
        return [.. bytes];
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
