using System.Globalization;

namespace Assistant.Bench;

/// <summary>
/// What telemetry costs: in-process answering (over the seeds) and POST /api/messages of the built web host, each run
/// without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and with it pointing at a local OTLP/HTTP sink, alternating, so both
/// settings see the same machine load. The sink counts what arrives in each run: nothing at all without the endpoint.
/// </summary>
internal sealed class TelemetryComparison(string repo, string webDll, TimeSpan loadDuration, TimeSpan warmUp, int connections)
{
    /// <summary>Each setting is measured this many times, alternating with the other.</summary>
    private const int Rounds = 2;

    private const int Questions = 2000;

    /// <summary>Metrics every second (the default is a minute), so a run exports them many times over.</summary>
    private const string MetricIntervalMs = "1000";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly string _work = Path.Combine(repo, "bench", ".corpus");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"# Telemetry benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (load average at start: {BenchRun.LoadAverage()})\n");
        var seeds = Path.Combine(repo, "seeds");
        var corpus = BenchCorpora.Copy(seeds, Path.Combine(_work, "seeds-telemetry"));
        var index = Path.Combine(_work, "index-seeds-telemetry");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }
        await ChildProcess.RunSelfAsync(["index", corpus, index], cancellationToken);

        await using var sink = await OtlpSink.StartAsync(cancellationToken);
        var settings = new (string Name, Dictionary<string, string> Environment)[]
        {
            ("no endpoint", []),
            ("OTLP endpoint (http/protobuf, local sink)", new()
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = MetricIntervalMs,
            }),
        };

        var queries = new List<(string Name, QueryFigures Figures, OtlpReceipt Exported)>();
        var loads = new List<(string Name, LoadFigures Figures, OtlpReceipt Exported)>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, environment) in settings)
            {
                Console.Error.WriteLine($"bench {DateTime.UtcNow:HH:mm:ss}: telemetry, {name}, round {round + 1}");
                sink.Take();
                var query = Scenarios.FromJson<QueryFigures>(await ChildProcess.RunSelfAsync(
                    ["query", corpus, index, Questions.ToString(Invariant)], cancellationToken, environment));
                queries.Add((name, query, sink.Take()));

                if (File.Exists(webDll))
                {
                    await using var web = await WebHostProcess.StartAsync(webDll, _work, seeds, environment, cancellationToken);
                    var load = await new LoadGenerator(web.Address, QuestionStream.FromFolder(seeds, seed: 2 + round)).RunAsync(connections, warmUp, loadDuration, cancellationToken, web.Process);
                    loads.Add((name, load, sink.Take()));
                }
            }
        }

        Print(queries, loads);
        return 0;
    }

    private void Print(List<(string Name, QueryFigures Figures, OtlpReceipt Exported)> queries, List<(string Name, LoadFigures Figures, OtlpReceipt Exported)> loads)
    {
        Console.WriteLine($"## In-process answering (seeds, {Questions:N0} distinct questions after 20 warm-up), runs alternating\n");
        Console.WriteLine("| telemetry | p50 ms | p99 ms | CPU ms / question | OTLP posts received (traces / metrics / logs) | bytes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, f, exported) in queries)
        {
            Console.WriteLine(string.Create(Invariant,
                $"| {name} | {f.P50Ms:0.00} | {f.P99Ms:0.00} | {f.CpuMsPerQuestion:0.00} | {Receipt(exported)} | {exported.Bytes:N0} |"));
        }

        Console.WriteLine();
        if (loads.Count == 0)
        {
            Console.WriteLine($"POST /api/messages not measured: {webDll} not found (build src/Assistant.Web -c Release).");
            return;
        }

        Console.WriteLine($"## POST /api/messages (expectReplies, {connections} connections, {loadDuration.TotalSeconds:0} s after {warmUp.TotalSeconds:0} s warm-up, seeds), runs alternating\n");
        Console.WriteLine("| telemetry | requests/s | p50 ms | p99 ms | errors | OTLP posts received (traces / metrics / logs) | bytes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, f, exported) in loads)
        {
            Console.WriteLine(string.Create(Invariant,
                $"| {name} | {f.RequestsPerSecond:N0} | {f.P50Ms:0.00} | {f.P99Ms:0.00} | {f.Errors} | {Receipt(exported)} | {exported.Bytes:N0} |"));
        }

        Console.WriteLine();
    }

    private static string Receipt(OtlpReceipt exported) =>
        exported.Posts == 0 ? "none" : string.Create(Invariant, $"{exported.TracePosts} / {exported.MetricPosts} / {exported.LogPosts}");
}
