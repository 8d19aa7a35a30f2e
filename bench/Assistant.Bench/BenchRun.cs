using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Assistant.Bench;

/// <summary>
/// The whole benchmark: writes the corpora, measures indexing (cold and incremental) and in-process answering on each
/// in child processes, then loads POST /api/messages of the product and of the echo ceiling, and prints Markdown.
/// </summary>
internal sealed class BenchRun(string repo, string webDll, TimeSpan loadDuration, TimeSpan warmUp, int connections, bool loadOnly, ScaleStep scale)
{
    private const int Questions = 300;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly string _work = Path.Combine(repo, "bench", ".corpus");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var seeds = Path.Combine(repo, "seeds");
        Console.WriteLine($"# Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n{Machine()}\n");

        if (loadOnly)
        {
            var (echoOnly, productOnly) = await LoadAsync(seeds, cancellationToken);
            PrintLoad(echoOnly, productOnly);
            return 0;
        }

        var corpora = new List<(string Name, string Folder)>
        {
            ("seeds", BenchCorpora.Copy(seeds, Path.Combine(_work, "seeds"))),
            ("quran-json (114 chapters)", BenchCorpora.WriteQuran(repo, Path.Combine(_work, "quran"))),
            ("synthetic ×1", BenchCorpora.WriteSynthetic(seeds, 1, Path.Combine(_work, "synthetic-x1"))),
            ("synthetic ×10", BenchCorpora.WriteSynthetic(seeds, 10, Path.Combine(_work, "synthetic-x10"))),
            ("synthetic ×100", BenchCorpora.WriteSynthetic(seeds, 100, Path.Combine(_work, "synthetic-x100"))),
        };

        var rows = new List<(string Name, int Documents, IndexFigures Cold, int Touched, IndexFigures Incremental, QueryFigures Query)>();
        foreach (var (name, folder) in corpora)
        {
            Console.Error.WriteLine($"bench {DateTime.UtcNow:HH:mm:ss}: indexing and querying {name}");
            var index = Path.Combine(_work, "index-" + Path.GetFileName(folder));
            if (Directory.Exists(index))
            {
                Directory.Delete(index, recursive: true);
            }

            var documents = Directory.EnumerateFiles(folder, "*.txt").Count();
            var cold = Scenarios.FromJson<IndexFigures>(await ChildProcess.RunSelfAsync(["index", folder, index], cancellationToken));
            var touched = BenchCorpora.TouchTenth(folder);
            var incremental = Scenarios.FromJson<IndexFigures>(await ChildProcess.RunSelfAsync(["index", folder, index], cancellationToken));
            var query = Scenarios.FromJson<QueryFigures>(await ChildProcess.RunSelfAsync(["query", folder, index, Questions.ToString(Invariant)], cancellationToken));
            rows.Add((name, documents, cold, touched, incremental, query));
        }

        PrintIndexing(rows.Select(r => (r.Name, r.Documents, r.Cold, r.Touched, r.Incremental)).ToList());
        PrintQueries(rows.Select(r => (r.Name, r.Query)).ToList());
        await scale.RunAsync(cancellationToken);

        var (echo, product) = await LoadAsync(seeds, cancellationToken);
        PrintLoad(echo, product);
        PrintTargets(rows[0].Cold, rows[1].Cold, rows[1].Query, echo, product);
        return 0;
    }

    private async Task<(LoadFigures Echo, LoadFigures? Product)> LoadAsync(string seeds, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"bench: echo ceiling, {connections} connections, {loadDuration.TotalSeconds} s");
        LoadFigures echo;
        var echoAddress = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        await using (var server = await ServerProcess.StartAsync(ChildProcess.SelfStartInfo(["echo-server", echoAddress.ToString()]), echoAddress, TimeSpan.FromSeconds(30), cancellationToken))
        {
            echo = await new LoadGenerator(server.Address, QuestionStream.FromFolder(seeds, seed: 1)).RunAsync(connections, warmUp, loadDuration, cancellationToken, server.Process);
        }

        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"bench: {webDll} not found (build src/Assistant.Web -c Release); POST /api/messages of the product skipped");
            return (echo, null);
        }

        Console.Error.WriteLine($"bench: POST /api/messages of {webDll}");
        await using var web = await WebHostProcess.StartAsync(webDll, _work, seeds, new Dictionary<string, string>(), cancellationToken);
        var product = await new LoadGenerator(web.Address, QuestionStream.FromFolder(seeds, seed: 2)).RunAsync(connections, warmUp, loadDuration, cancellationToken, web.Process);
        return (echo, product);
    }

    private static void PrintIndexing(List<(string Name, int Documents, IndexFigures Cold, int Touched, IndexFigures Incremental)> rows)
    {
        Console.WriteLine("## Indexing (local embedder, embedded index; cold = empty index, incremental = every 10th document changed)\n");
        Console.WriteLine("| corpus | documents | characters | passages | cold: indexing s | chars/s | passages/s | peak MB | incremental: updated / unchanged | indexing s | peak MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, documents, cold, touched, incremental) in rows)
        {
            Console.WriteLine(string.Create(Invariant,
                $"| {name} | {documents:N0} | {cold.Characters:N0} | {cold.Passages:N0} | {cold.IndexSeconds:0.00} | {cold.Characters / cold.IndexSeconds:N0} | {cold.Passages / cold.IndexSeconds:N0} | {cold.PeakMb:0} | {incremental.Updated} / {incremental.Unchanged} | {incremental.IndexSeconds:0.00} | {incremental.PeakMb:0} |"));
        }

        Console.WriteLine();
    }

    private static void PrintQueries(List<(string Name, QueryFigures Query)> rows)
    {
        Console.WriteLine($"## In-process answering (IAnswerService, extractive; {Questions} distinct questions after 20 warm-up)\n");
        Console.WriteLine("| corpus | p50 ms | p99 ms | max ms | CPU ms / question | retrieval p50 / p99 ms | answer p50 / p99 ms | gen2 GCs | abstained | peak MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, q) in rows)
        {
            Console.WriteLine(string.Create(Invariant, $"| {name} | {q.P50Ms:0.00} | {q.P99Ms:0.00} | {q.MaxMs:0.00} | {q.CpuMsPerQuestion:0.00} | {q.RetrievalP50Ms:0.00} / {q.RetrievalP99Ms:0.00} | {q.AnswerP50Ms:0.00} / {q.AnswerP99Ms:0.00} | {q.Gen2Collections} | {q.Abstained}/{q.Questions} | {q.PeakMb:0} |"));
        }

        Console.WriteLine();
    }

    private void PrintLoad(LoadFigures echo, LoadFigures? product)
    {
        Console.WriteLine($"## POST /api/messages, deliveryMode expectReplies, loopback, {connections} connections, {loadDuration.TotalSeconds:0} s after {warmUp.TotalSeconds:0} s warm-up, distinct questions (seeds)\n");
        Console.WriteLine("| endpoint | requests | requests/s | p50 ms | p99 ms | errors | server CPU ms / request | load generator CPU ms / request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, f) in new[] { ("echo ceiling (bench)", echo), ("Assistant.Web", product) })
        {
            if (f is not null)
            {
                Console.WriteLine(string.Create(Invariant, $"| {name} | {f.Requests:N0} | {f.RequestsPerSecond:N0} | {f.P50Ms:0.00} | {f.P99Ms:0.00} | {f.Errors} | {f.ServerCpuMsPerRequest:0.000} | {f.LoadGeneratorCpuMsPerRequest:0.000} |"));
            }
        }

        // Both runs use every core the machine lends them, so the share of the echo follows from what a request costs the
        // server and the load generator together; other processes' load moves the rates, much less these costs.
        if (product is { ServerCpuMsPerRequest: { } productCpu } && echo.ServerCpuMsPerRequest is { } echoCpu)
        {
            var (echoTotal, productTotal) = (echoCpu + echo.LoadGeneratorCpuMsPerRequest, productCpu + product.LoadGeneratorCpuMsPerRequest);
            Console.WriteLine(string.Create(Invariant,
                $"\nCPU per request, server and load generator together: echo {echoTotal:0.000} ms, Assistant.Web {productTotal:0.000} ms; their ratio {echoTotal / productTotal * 100:0.#} % is the share of the echo these costs allow."));
        }

        Console.WriteLine();
    }

    private static void PrintTargets(IndexFigures seeds, IndexFigures large, QueryFigures largeQuery, LoadFigures echo, LoadFigures? product)
    {
        Console.WriteLine("## Targets\n");
        Target($"seeds indexed in {seeds.IndexSeconds:0.00} s of indexing work (< 2 s)", seeds.IndexSeconds < 2);
        Target($"larger corpus: {large.Characters / large.IndexSeconds:N0} chars/s (≥ 250,000)", large.Characters / large.IndexSeconds >= 250_000);
        Target($"larger corpus: indexing peak memory {large.PeakMb:0} MB (< 500 MB)", large.PeakMb < 500);
        Target($"larger corpus: answer p50 {largeQuery.P50Ms:0.00} ms (< 5 ms)", largeQuery.P50Ms < 5);
        Target($"larger corpus: answer p99 {largeQuery.P99Ms:0.00} ms (< 20 ms)", largeQuery.P99Ms < 20);
        if (product is not null)
        {
            var share = product.RequestsPerSecond / echo.RequestsPerSecond;
            Target($"/api/messages {product.RequestsPerSecond:N0} req/s = {share * 100:0.#}% of the echo ceiling {echo.RequestsPerSecond:N0} req/s (≥ 25%)", share >= 0.25);
            Target($"/api/messages errors: {product.Errors} (0)", product.Errors == 0);
        }
        else
        {
            Console.WriteLine("- /api/messages: NOT MEASURED (web host not built)");
        }
    }

    private static void Target(string text, bool met) => Console.WriteLine(string.Create(Invariant, $"- {(met ? "MET" : "MISSED")}: {text}"));

    /// <summary>The 1/5/15-minute load averages: the machine is shared, so figures are read against them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"Machine: {Environment.ProcessorCount} logical cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
            $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, workstation GC; load average at start: {LoadAverage()}.";
    }
}
