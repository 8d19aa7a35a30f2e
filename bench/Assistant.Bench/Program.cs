using System.Globalization;
using Assistant.Bench;

// Modes: `all` runs everything (bench/run.sh); the others are the child processes it starts.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;
switch (args)
{
    case ["all", .. var options]:
        var repo = Option(options, "--repo") ?? Directory.GetCurrentDirectory();
        var web = Option(options, "--web") ?? Path.Combine(repo, "src", "Assistant.Web", "bin", "Release", "net10.0", "Assistant.Web.dll");
        var seconds = int.Parse(Option(options, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(options, "--connections") ?? "16", CultureInfo.InvariantCulture);
        var warmUp = int.Parse(Option(options, "--warmup") ?? "15", CultureInfo.InvariantCulture);
        var cli = Option(options, "--cli") ?? Path.Combine(repo, "src", "Assistant.Cli", "bin", "Release", "net10.0", "assistant.dll");
        var factor = int.Parse(Option(options, "--factor") ?? "20", CultureInfo.InvariantCulture);
        var scale = new ScaleStep(Path.GetFullPath(repo), Path.GetFullPath(cli), factor);
        if (options.Contains("--scale-only"))
        {
            await scale.RunAsync(ct);
            return 0;
        }

        if (options.Contains("--telemetry"))
        {
            return await new TelemetryComparison(Path.GetFullPath(repo), Path.GetFullPath(web), TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUp), connections).RunAsync(ct);
        }
        return await new BenchRun(Path.GetFullPath(repo), Path.GetFullPath(web), TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUp), connections, options.Contains("--load-only"), scale).RunAsync(ct);
    case ["index", var corpus, var index]:
        Console.WriteLine(Scenarios.ToJson(await Scenarios.IndexAsync(corpus, index, ct)));
        return 0;
    case ["query", var corpus, var index, var count]:
        Console.WriteLine(Scenarios.ToJson(await Scenarios.QueryAsync(corpus, index, int.Parse(count, CultureInfo.InvariantCulture), ct)));
        return 0;
    case ["cold-ask", var cliDll, var corpus, var index, var question, var runs]:
        Console.WriteLine(Scenarios.ToJson(await ColdAsk.RunAsync(cliDll, corpus, index, question, int.Parse(runs, CultureInfo.InvariantCulture), ct)));
        return 0;
    case ["load", var url, var duration]:
        // Loads an already running host, e.g. under a profiler: `load http://127.0.0.1:5000/ 10`.
        var stream = QuestionStream.FromFolder(Path.Combine(Directory.GetCurrentDirectory(), "seeds"), seed: 3);
        var figures = await new LoadGenerator(new Uri(url), stream).RunAsync(16, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(int.Parse(duration, CultureInfo.InvariantCulture)), ct);
        Console.WriteLine(Scenarios.ToJson(figures));
        return 0;
    case ["echo-server", var url]:
        await EchoServer.RunAsync(url, ct);
        return 0;
    default:
        Console.Error.WriteLine("usage: Assistant.Bench all [--repo DIR] [--web Assistant.Web.dll] [--seconds N] [--warmup N] [--connections N] [--load-only | --telemetry]");
        Console.Error.WriteLine("       Assistant.Bench all --scale-only [--factor N] [--cli assistant.dll]   (only the ×1 / ×N step of the larger corpus)");
        Console.Error.WriteLine("       Assistant.Bench load URL SECONDS   (16 connections against a running host; run from the repository root)");
        return 1;
}

static string? Option(string[] options, string name) =>
    Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length ? options[i + 1] : null;
