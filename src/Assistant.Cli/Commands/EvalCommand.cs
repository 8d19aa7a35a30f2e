using System.CommandLine;
using System.Globalization;
using Assistant.Analysis;
using Assistant.Evaluation;
using Assistant.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// <c>eval --gold FILE [--json] [--report FILE.html] [--top K] [--min-… X]</c>: runs a gold set and prints its metrics.
/// Exit codes: 0 success; 1 bad usage, a gold problem (malformed line, evidence not in its document) or a --min-* threshold
/// not met; 2 runtime failure (through <see cref="CliApp"/>).
/// </summary>
internal static class EvalCommand
{
    /// <summary>Problems of a gold file printed one per line; past these, a count.</summary>
    private const int MaxProblemsShown = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create() => Create(() => CliServices.Build(IndexCommand.QuietLoader));

    /// <param name="buildServices">Builds the services when the command runs (tests pass their own).</param>
    internal static Command Create(Func<ServiceProvider> buildServices)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold file (JSON Lines: id, question, doc, evidence[], answer_terms[])", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables" };
        var report = new Option<FileInfo?>("--report") { Description = "Write a self-contained HTML report to this file" };
        var top = new Option<int?>("--top")
        {
            Description = "Passages kept per search, 10 to 100 (default 10; at least 10, so recall@10 is known)",
            DefaultValueFactory = _ => 10,
            CustomParser = OptionParsers.WholeNumber("--top", 10, 100),
        };

        var minimums = new (Option<double?> Option, Func<EvaluationThresholds, double?, EvaluationThresholds> Set)[]
        {
            (Minimum("--min-evidence-recall"), (t, v) => t with { EvidenceRecall = v }),
            (Minimum("--min-citation-exactness"), (t, v) => t with { CitationExactness = v }),
            (Minimum("--min-answer-term-hit"), (t, v) => t with { AnswerTermHit = v }),
            (Minimum("--min-abstention-precision"), (t, v) => t with { AbstentionPrecision = v }),
            (Minimum("--min-abstention-recall"), (t, v) => t with { AbstentionRecall = v }),
            (Minimum("--min-document-recall-at-5"), (t, v) => t with { DocumentRecallAt5 = v }),
            (Minimum("--min-evidence-mrr"), (t, v) => t with { EvidenceMrr = v }),
        };

        var command = new Command("eval", "Evaluate answers against a gold set: citations, evidence, abstention, retrieval, latency");
        command.Options.Add(gold);
        command.Options.Add(json);
        command.Options.Add(report);
        command.Options.Add(top);
        foreach (var (option, _) in minimums)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var thresholds = minimums.Aggregate(new EvaluationThresholds(), (t, m) => m.Set(t, parseResult.GetValue(m.Option)));
            var request = new EvalRequest(parseResult.GetRequiredValue(gold), parseResult.GetValue(json), parseResult.GetValue(report), parseResult.GetValue(top) ?? 10, thresholds);
            await using var services = buildServices();
            return await RunAsync(services, request, parseResult.InvocationConfiguration, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<double?> Minimum(string name)
    {
        return new Option<double?>(name)
        {
            Description = "Exit with code 1 when the metric is below this value (0 to 1)",
            CustomParser = OptionParsers.Fraction(name),
        };
    }

    private sealed record EvalRequest(FileInfo Gold, bool Json, FileInfo? Report, int TopK, EvaluationThresholds Thresholds);

    private static async Task<int> RunAsync(IServiceProvider services, EvalRequest request, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var (output, error) = (console.Output, console.Error);
        if (!request.Gold.Exists)
        {
            await error.WriteLineAsync($"error: gold file not found: {request.Gold.FullName}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var built = await services.GetRequiredService<IndexInitializer>().EnsureAnswerableIndexAsync(cancellationToken).ConfigureAwait(false);
        await IndexCommand.ReportFirstBuildAsync(error, built).ConfigureAwait(false);
        var goldSet = await GoldFileReader.ReadAsync(request.Gold.FullName, cancellationToken).ConfigureAwait(false);
        var scorer = new QuestionScorer(services.GetRequiredService<ArabicTextAnalyzer>().Normalize);
        var runner = ActivatorUtilities.CreateInstance<EvaluationRunner>(services, scorer);
        var run = await runner.RunAsync(goldSet, new EvaluationSettings(request.TopK), null, cancellationToken).ConfigureAwait(false);
        var thresholdFailures = request.Thresholds.Check(run.Summary);

        if (request.Json)
        {
            await output.WriteLineAsync(EvaluationJson.Serialize(run, thresholdFailures)).ConfigureAwait(false);
        }
        else if (run.Results.Count > 0)
        {
            // Empty tables before "No gold question could be evaluated" would only hide the problems below them.
            WriteTables(run, output);
        }

        if (request.Report is { } reportFile && run.Results.Count > 0)
        {
            await new HtmlReportWriter().WriteAsync(run, reportFile.FullName, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync($"Report written to {reportFile.FullName}").ConfigureAwait(false);
        }

        // A file that is not a gold file at all (a README) has a problem on every line: the first few say what is wrong.
        foreach (var problem in run.Problems.Take(MaxProblemsShown))
        {
            await error.WriteLineAsync($"gold: {problem}").ConfigureAwait(false);
        }
        if (run.Problems.Count > MaxProblemsShown)
        {
            await error.WriteLineAsync($"gold: {run.Problems.Count - MaxProblemsShown} more lines with problems (--json lists all {run.Problems.Count})").ConfigureAwait(false);
        }

        foreach (var failure in thresholdFailures)
        {
            await error.WriteLineAsync($"threshold not met: {failure}").ConfigureAwait(false);
        }

        if (run.Results.Count == 0)
        {
            await error.WriteLineAsync("No gold question could be evaluated.").ConfigureAwait(false);
        }

        return run.Problems.Count > 0 || thresholdFailures.Count > 0 || run.Results.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>Passed, and a short answer, where the question has one, is right.</summary>
    private static bool PassedWithRightShortAnswer(QuestionResult result) => result.Passed && result.ShortAnswer is not { Correct: false };

    /// <summary>Per family of phrasing, when the gold file names families: how each kind of question fares.</summary>
    private static void WriteFamilies(EvaluationRun run, IAnsiConsole console)
    {
        var families = run.ByFamily();
        if (families.Count == 0) return;
        var table = new Table().AddColumn("family").AddColumn("questions").AddColumn("evidence recall").AddColumn("answer-term hit").AddColumn("wrong abstentions").AddColumn("abstention recall");
        foreach (var (family, s) in families)
        {
            var wrong = run.Results.Count(r => r.Gold.Family == family && r.Gold.Answerable && r.Answer.Abstained);
            table.AddRow(
                Markup.Escape(family),
                $"{s.Questions} ({s.Answerable} / {s.Unanswerable})",
                MetricFormat.Percent(s.EvidenceRecall),
                MetricFormat.Percent(s.AnswerTermHit),
                s.Answerable == 0 ? "—" : $"{wrong} of {s.Answerable}",
                MetricFormat.Percent(s.AbstentionRecall));
        }
        console.Write(table);
    }

    private static void WriteTables(EvaluationRun run, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var s = run.Summary;
        var summary = new Table().AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("questions (answerable / unanswerable)", $"{s.Questions} ({s.Answerable} / {s.Unanswerable})");
        // «passed» is the gold contract (quotes, answer terms, abstentions); a wrong short answer does not fail it, so the
        // count beside it says how many of those also have a right one, and 15 of 15 is not read as all right.
        summary.AddRow("passed: quotes, terms, abstention", $"{s.Passed} of {s.Questions}");
        summary.AddRow("passed, short answer right too", $"{run.Results.Count(PassedWithRightShortAnswer)} of {s.Questions}");
        summary.AddRow("citation exactness", $"{MetricFormat.Percent(s.CitationExactness)} of {s.Citations}");
        summary.AddRow("evidence recall", MetricFormat.Percent(s.EvidenceRecall));
        summary.AddRow("answer-term hit", MetricFormat.Percent(s.AnswerTermHit));
        summary.AddRow("short-answer accuracy", MetricFormat.Percent(s.ShortAnswerAccuracy));
        summary.AddRow("abstention precision / recall", $"{MetricFormat.Percent(s.AbstentionPrecision)} / {MetricFormat.Percent(s.AbstentionRecall)}");
        foreach (var (name, metrics) in new[] { ("document", s.DocumentRetrieval), ("evidence passage, as the answer ranks it", s.EvidenceRetrieval), ("evidence passage, fused BM25 + dense", s.HybridEvidenceRetrieval), ("evidence passage, BM25 alone (baseline)", s.LexicalEvidenceRetrieval) })
        {
            var recall = string.Join("  ", metrics.RecallAt.Select(r => $"@{r.Key} {MetricFormat.Percent(r.Value)}"));
            summary.AddRow($"{name} recall / MRR", $"{recall}  MRR {MetricFormat.Number(metrics.Mrr)}");
        }

        if (s.ModelAnswers is { } model) summary.AddRow("model answers", Markup.Escape(model.ToString()));
        summary.AddRow("latency p50 / p95 / p99 ms", $"{MetricFormat.Number(s.Latency.P50)} / {MetricFormat.Number(s.Latency.P95)} / {MetricFormat.Number(s.Latency.P99)}");
        console.Write(summary);
        WriteFamilies(run, console);

        var questions = new Table().AddColumn("id").AddColumn("result").AddColumn("doc rank").AddColumn("evidence rank").AddColumn(new TableColumn("ms").RightAligned()).AddColumn("short answer").AddColumn("why");
        foreach (var r in run.Results)
        {
            questions.AddRow(
                Markup.Escape(r.Gold.Id),
                !r.Passed ? "[red]fail[/]" : PassedWithRightShortAnswer(r) ? "[green]pass[/]" : "[yellow]pass, short answer wrong[/]",
                r.DocumentRank?.ToString(Invariant) ?? "-",
                r.EvidenceRank?.ToString(Invariant) ?? "-",
                r.LatencyMs.ToString("0.0", Invariant),
                r.ShortAnswer is not { } grade ? "-" : grade.Correct ? "[green]right[/]" : "[red]" + Markup.Escape(string.Join("; ", grade.Problems)) + "[/]",
                Markup.Escape(string.Join("; ", r.Failures)));
        }

        console.Write(questions);
    }
}
