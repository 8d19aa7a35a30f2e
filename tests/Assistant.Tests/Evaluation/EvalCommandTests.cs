using System.CommandLine;
using System.Text.Json.Nodes;
using Assistant.Answering;
using Assistant.Cli.Commands;
using Assistant.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Tests.Evaluation;

/// <summary>`assistant eval` over the fixture (scripted answers, two documents): output, report and exit codes.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistant-eval-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_prints_one_object_with_the_hand_computed_summary()
    {
        var (exit, output, _) = await RunAsync("eval", "--gold", Gold(EvaluationFixture.GoldJsonLines), "--json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(0.5, (double)json["summary"]!["evidenceRecall"]!);
        Assert.Equal(0.75, (double)json["summary"]!["citationExactness"]!);
        Assert.Equal(0.625, (double)json["summary"]!["documentRetrieval"]!["mrr"]!);
        Assert.Equal(6, json["questions"]!.AsArray().Count);
        Assert.Equal("الأمم المتحدة", (string)json["questions"]![0]!["answerTermsFound"]![0]!);
    }

    [Fact]
    public async Task The_console_summary_counts_passed_questions_with_a_wrong_short_answer_apart()
    {
        var gold = Gold(EvaluationFixture.GoldJsonLines);
        var (_, json, _) = await RunAsync("eval", "--gold", gold, "--json");
        var questions = JsonNode.Parse(json)!["questions"]!.AsArray();
        var passed = questions.Count(q => (bool)q!["passed"]!);
        var rightToo = questions.Count(q => (bool)q!["passed"]! && (bool?)q["shortAnswerCorrect"] != false);

        var (_, output, _) = await RunAsync("eval", "--gold", gold);

        Assert.Matches($@"passed: quotes, terms, abstention\s*│\s*{passed} of {questions.Count}", output);
        Assert.Matches($@"passed, short answer right too\s*│\s*{rightToo} of {questions.Count}", output);
    }

    [Fact]
    public async Task A_threshold_not_met_exits_with_1_and_says_which()
    {
        var gold = Gold(EvaluationFixture.GoldJsonLines);

        var (failed, _, error) = await RunAsync("eval", "--gold", gold, "--json", "--min-evidence-recall", "0.6", "--min-abstention-recall", "0.5");
        var (met, _, _) = await RunAsync("eval", "--gold", gold, "--json", "--min-evidence-recall", "0.5", "--min-citation-exactness", "0.75");

        Assert.Equal((1, 0), (failed, met));
        Assert.Contains("threshold not met: evidence recall 0.5 is below the minimum 0.6", error, StringComparison.Ordinal);
        Assert.DoesNotContain("abstention recall", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gold_problems_are_reported_by_line_and_exit_with_1_after_evaluating_the_rest()
    {
        var lines = EvaluationFixture.GoldJsonLines.Replace("\"يوم السبت\"", "\"يوم الأحد\"", StringComparison.Ordinal) + "\n{not json";

        var (exit, output, error) = await RunAsync("eval", "--gold", Gold(lines), "--json");

        Assert.Equal(1, exit);
        Assert.Equal(5, JsonNode.Parse(output)!["questions"]!.AsArray().Count);
        Assert.Contains("gold: line 3, question q3: evidence \"يوم الأحد\" is not in document \"b.txt\"", error, StringComparison.Ordinal);
        Assert.Contains("gold: line 7: not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gold_file_without_one_usable_question_prints_its_problems_and_no_empty_tables()
    {
        var (exit, output, error) = await RunAsync("eval", "--gold", Gold("{not json\n{\"id\":\"x\",\"question\":\"س\"}"));

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("gold: line 1: not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("No gold question could be evaluated.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_gold_file_gets_a_few_problem_lines_and_a_count_not_one_per_line()
    {
        var (exit, _, error) = await RunAsync("eval", "--gold", Gold(string.Join('\n', Enumerable.Range(1, 40).Select(n => $"# heading {n}"))));

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Count(l => l.StartsWith("gold: line ", StringComparison.Ordinal)));
        Assert.Contains("gold: 35 more lines with problems (--json lists all 40)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_option_writes_the_html_file()
    {
        var report = Path.Combine(_folder, "out", "report.html");

        var (exit, output, _) = await RunAsync("eval", "--gold", Gold(EvaluationFixture.GoldJsonLines), "--report", report);

        Assert.Equal(0, exit);
        Assert.Contains("evidence recall", output, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("eval", "--gold", "missing.jsonl")]
    [InlineData("eval", "--gold", "GOLD", "--min-evidence-recall", "1.5")]
    [InlineData("eval", "--gold", "GOLD", "--top", "0")]
    [InlineData("eval", "--gold", "GOLD", "--top", "5")]
    [InlineData("eval", "--gold", "GOLD", "--top", "101")]
    public async Task Bad_usage_exits_with_1(params string[] args)
    {
        var gold = Gold(EvaluationFixture.GoldJsonLines);

        var (exit, output, error) = await RunAsync(args.Select(a => a == "GOLD" ? gold : a).ToArray());

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task A_top_below_ten_is_refused_with_the_range_not_raised_silently()
    {
        var (exit, _, error) = await RunAsync("eval", "--gold", Gold(EvaluationFixture.GoldJsonLines), "--top", "5");

        Assert.Equal(1, exit);
        Assert.Contains("--top must be a whole number from 10 to 100, not '5'", error, StringComparison.Ordinal);
    }

    private string Gold(string lines)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, lines);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { EvalCommand.Create(Services) };
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        var exit = parsed.Errors.Count > 0
            ? WriteErrors(parsed, error)
            : await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>What CliApp does with parse errors.</summary>
    private static int WriteErrors(ParseResult parsed, TextWriter error)
    {
        error.WriteLine(parsed.Errors[0].Message);
        return 1;
    }

    /// <summary>The real service graph, with the fixture's scripted answers and documents in place of the index.</summary>
    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddAssistantCore(new ConfigurationBuilder().Build());
        services.AddSingleton<IAnswerService>(new ScriptedAnswerService(EvaluationFixture.Answers()));
        services.AddSingleton<IPassageIndex>(new DocumentOnlyIndex(EvaluationFixture.Texts));
        return services.BuildServiceProvider();
    }
}
