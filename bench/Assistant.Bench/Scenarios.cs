using System.Diagnostics;
using System.Text.Json;
using Assistant.Answering;
using Assistant.Evaluation;
using Assistant.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bench;

/// <summary>
/// Measurements that each run in a child process of their own, so that the peak memory reported (the process's
/// high-water mark) belongs to that one scenario and nothing before it.
/// </summary>
internal static class Scenarios
{
    public static async Task<IndexFigures> IndexAsync(string corpus, string index, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.Build(corpus, index);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await services.GetRequiredService<CorpusIndexer>().IndexAsync(corpus, rebuild: false, progress: null, cancellationToken);
        var wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return new IndexFigures(
            report.Added, report.Updated, report.Unchanged, report.Passages, report.Characters, report.Seconds, wall, PeakMegabytes(),
            (self.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    public static async Task<QueryFigures> QueryAsync(string corpus, string index, int questions, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.Build(corpus, index);
        var answers = services.GetRequiredService<IAnswerService>();
        var stream = QuestionStream.FromFolder(corpus, seed: 7);

        // Warm-up: JIT, index load and caches of the process (not of answers: every measured question is new).
        for (var i = 0; i < 20; i++)
        {
            await answers.AskAsync(new Question(stream.Next()), cancellationToken);
        }

        var latencies = new List<double>(questions);
        var retrieval = new List<double>(questions);
        var answering = new List<double>(questions);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        // Bytes allocated do not move with the machine's other load, unlike CPU time: a steadier figure to compare builds by.
        var (allocatedBefore, pauseBefore, gen0Before) = (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var abstained = 0;
        for (var i = 0; i < questions; i++)
        {
            var question = new Question(stream.Next());
            var started = Stopwatch.GetTimestamp();
            var answer = await answers.AskAsync(question, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            retrieval.Add(answer.Timings.RetrievalMs);
            answering.Add(answer.Timings.AnswerMs);
            abstained += answer.Abstained ? 1 : 0;
        }

        // Wall-clock latency includes waiting for a core on a shared machine; CPU time per question does not.
        self.Refresh();
        var cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var cpuPerQuestion = cpuMs / questions;
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / questions;
        var pauseShare = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / cpuMs;
        var (latency, retrievalMs, answerMs) = (LatencySummary.From(latencies), LatencySummary.From(retrieval), LatencySummary.From(answering));
        return new QueryFigures(
            questions, abstained, latency.P50!.Value, latency.P99!.Value, latency.Max!.Value,
            retrievalMs.P50!.Value, retrievalMs.P99!.Value, answerMs.P50!.Value, answerMs.P99!.Value, cpuPerQuestion,
            GC.CollectionCount(2), PeakMegabytes(), latencies.Average())
        {
            AllocatedKbPerQuestion = allocatedKb,
            Gen0Collections = GC.CollectionCount(0) - gen0Before,
            GcPauseShareOfCpu = pauseShare,
        };
    }

    /// <summary>The process's peak resident set (VmHWM on Linux).</summary>
    private static double PeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024);
    }

    public static string ToJson<T>(T figures) => JsonSerializer.Serialize(figures);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json) ?? throw new InvalidOperationException("empty scenario output");
}

/// <param name="IndexSeconds">Indexing work as the indexer reports it (load, chunk, embed, write, commit).</param>
/// <param name="WallSeconds">The whole IndexAsync call in this process.</param>
/// <param name="CpuSeconds">Process CPU time (all threads) over the IndexAsync call: unlike wall-clock time, not stretched by other load.</param>
internal sealed record IndexFigures(int Added, int Updated, int Unchanged, int Passages, int Characters, double IndexSeconds, double WallSeconds, double PeakMb, double CpuSeconds);

/// <param name="RetrievalP50Ms">From the answer's own timings: retrieval, then answer generation and verification.</param>
/// <param name="CpuMsPerQuestion">Process CPU time (all threads, GC included) over the measured questions, divided by their number.</param>
internal sealed record QueryFigures(
    int Questions, int Abstained, double P50Ms, double P99Ms, double MaxMs,
    double RetrievalP50Ms, double RetrievalP99Ms, double AnswerP50Ms, double AnswerP99Ms, double CpuMsPerQuestion,
    int Gen2Collections, double PeakMb, double MeanMs)
{
    /// <summary>Bytes allocated over the measured questions (all threads), divided by their number, in KB.</summary>
    public double AllocatedKbPerQuestion { get; init; }

    /// <summary>Collections of any generation over the measured questions.</summary>
    public int Gen0Collections { get; init; }

    /// <summary>The garbage collector's pauses over the measured questions (wall-clock: stretched when the machine is busy,
    /// as the threads wait for a core) as a share of the process's CPU time then.</summary>
    public double GcPauseShareOfCpu { get; init; }
}
