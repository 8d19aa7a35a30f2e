using System.Globalization;

namespace Assistant.Bench;

/// <summary>
/// The ×1 / ×N step: the larger corpus (quran-json) and N shuffled copies of it, each indexed cold, then asked one
/// question by the built command-line program in a fresh process (cold: start-up, index open, one answer) and 300 in one
/// process (warm). Prints one table and the targets for the largest corpus.
/// </summary>
internal sealed class ScaleStep(string repo, string cliDll, int factor)
{
    private const int Questions = 300;
    private const int ColdRuns = 3;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly string _work = Path.Combine(repo, "bench", ".corpus");

    private sealed record Row(string Name, int Documents, IndexFigures Index, ColdAskFigures? Cold, QueryFigures Warm, double IndexMb);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var quran = BenchCorpora.WriteQuran(repo, Path.Combine(_work, "scale-x1"));
        var corpora = new List<(string Name, string Folder)>
        {
            ("quran-json ×1", quran),
            ($"quran-json ×{factor}", BenchCorpora.WriteShuffledCopies(quran, factor, Path.Combine(_work, $"scale-x{factor}"))),
        };
        var rows = new List<Row>();
        foreach (var (name, folder) in corpora)
        {
            Console.Error.WriteLine($"bench {DateTime.UtcNow:HH:mm:ss}: scale step, {name}");
            var index = Path.Combine(_work, "index-" + Path.GetFileName(folder));
            if (Directory.Exists(index))
            {
                Directory.Delete(index, recursive: true);
            }

            var indexing = Scenarios.FromJson<IndexFigures>(await ChildProcess.RunSelfAsync(["index", folder, index], cancellationToken));
            ColdAskFigures? cold = null;
            if (File.Exists(cliDll))
            {
                var question = QuestionStream.FromFolder(folder, seed: 11).Next();
                cold = Scenarios.FromJson<ColdAskFigures>(await ChildProcess.RunSelfAsync(["cold-ask", cliDll, folder, index, question, ColdRuns.ToString(Invariant)], cancellationToken));
            }
            else
            {
                Console.Error.WriteLine($"bench: {cliDll} not found (build src/Assistant.Cli -c Release); cold ask skipped");
            }

            var warm = Scenarios.FromJson<QueryFigures>(await ChildProcess.RunSelfAsync(["query", folder, index, Questions.ToString(Invariant)], cancellationToken));
            var indexMb = Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024);
            rows.Add(new Row(name, Directory.EnumerateFiles(folder, "*.txt").Count(), indexing, cold, warm, indexMb));
        }

        Print(rows);
    }

    private void Print(List<Row> rows)
    {
        Console.WriteLine($"## Scale: the larger corpus ×1 and ×{factor} (cold indexing; `assistant ask` in a fresh process, median of {ColdRuns}; {Questions} questions in one process)\n");
        Console.WriteLine("| corpus | documents | characters | passages | indexing chars/s | indexing CPU s | indexing peak MB | cold ask s | cold ask CPU s | cold ask peak MB | warm p50 ms | warm p99 ms | warm mean ms | warm CPU ms / question | index on disk MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(Invariant,
                $"| {r.Name} | {r.Documents:N0} | {r.Index.Characters:N0} | {r.Index.Passages:N0} | {r.Index.Characters / r.Index.IndexSeconds:N0} | {r.Index.CpuSeconds:0.00} | {r.Index.PeakMb:0} | {Cold(r.Cold?.MedianSeconds, "0.00")} | {Cold(r.Cold?.CpuSeconds, "0.00")} | {Cold(r.Cold?.PeakMb, "0")} | {r.Warm.P50Ms:0.00} | {r.Warm.P99Ms:0.00} | {r.Warm.MeanMs:0.00} | {r.Warm.CpuMsPerQuestion:0.00} | {r.IndexMb:0} |"));
        }

        Console.WriteLine($"\nLoad average at the end of the step: {LoadAverage()} (wall-clock figures stretch with it; CPU figures do not).");
        var large = rows[^1];
        Console.WriteLine($"\n### Targets (quran-json ×{factor})\n");
        Target($"indexing {large.Index.Characters / large.Index.IndexSeconds:N0} chars/s (≥ 1,000,000)", large.Index.Characters / large.Index.IndexSeconds >= 1_000_000);
        Target($"indexing peak memory {large.Index.PeakMb:0} MB (≤ 500 MB)", large.Index.PeakMb <= 500);
        if (large.Cold is { } cold)
        {
            Target($"cold `ask` {cold.MedianSeconds:0.00} s (≤ 1.0 s)", cold.MedianSeconds <= 1.0);
            Target($"cold `ask` peak memory {cold.PeakMb:0} MB (≤ 250 MB)", cold.PeakMb <= 250);
        }
        else
        {
            Console.WriteLine("- cold `ask`: NOT MEASURED (command-line program not built)");
        }

        Target($"warm {large.Warm.MeanMs:0.00} ms per question on average, p50 {large.Warm.P50Ms:0.00} ms (≤ 40 ms)", large.Warm.MeanMs <= 40);
        Console.WriteLine();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Cold(double? value, string format) => value?.ToString(format, Invariant) ?? "–";

    private static void Target(string text, bool met) => Console.WriteLine(string.Create(Invariant, $"- {(met ? "MET" : "MISSED")}: {text}"));
}
