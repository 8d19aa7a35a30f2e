using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Cli;
using Assistant.Tests.Support;

namespace Assistant.Tests.Cli;

/// <summary>The CLI under typos, bad settings, empty or damaged indexes and binary input: one clear line, the right exit code.</summary>
public sealed class CliHostileInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new[] { "ask", "--top", "abc", "سؤال" }, "--top")]
    [InlineData(new[] { "ask", "--top", "1.5", "سؤال" }, "--top")]
    [InlineData(new[] { "eval", "--gold", "x.jsonl", "--top", "abc" }, "--top")]
    [InlineData(new[] { "eval", "--gold", "x.jsonl", "--min-evidence-recall", "abc" }, "--min-evidence-recall")]
    [InlineData(new[] { "ask", "--chat", "ومتى؟" }, "--chat reads a conversation from standard input")]
    public async Task An_option_value_of_the_wrong_type_or_options_that_do_not_go_together_are_a_usage_error(string[] arguments, string expected)
    {
        using var work = new TempFolder();
        var (code, output, error) = await RunAsync(Env(work), null, arguments);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, Assert.Single(Lines(error)));
        Assert.DoesNotContain("   at ", output + error);
    }

    [Theory]
    [InlineData(new[] { "ask", "--bogus" }, "--bogus")]
    [InlineData(new[] { "ask", "-x" }, "-x")]
    [InlineData(new[] { "ask", "--explian", "أين؟" }, "--explian")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task An_unknown_option_or_command_is_a_usage_error_that_names_it(string[] arguments, string named)
    {
        using var work = new TempFolder();
        var (code, output, error) = await RunAsync(Env(work), null, arguments);

        Assert.Equal(ExitCodes.BadInput, code);
        var line = Assert.Single(Lines(error));
        Assert.Contains(named, line);
        // The question after an unknown option is not blamed for it.
        if (arguments.Length > 2) Assert.DoesNotContain(arguments[^1], line);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("Answering__MaxQuestionChars", "-5", "Answering:MaxQuestionChars")]
    [InlineData("Retrieval__TopK", "0", "Retrieval:TopK")]
    [InlineData("Retrieval__TopK", "many", "Retrieval:TopK")]
    [InlineData("Answering__Selection__KindBonus", "-1", "Answering:Selection:KindBonus")]
    [InlineData("Answering__MinEvidence", "7", "Answering:MinEvidence")]
    [InlineData("Answering__MaxCitations", "0", "Answering:MaxCitations")]
    [InlineData("Answering__MaxCitation", "1", "did you mean Answering:MaxCitations?")]
    [InlineData("Answering__Gate__UnsaidTreshold", "0.4", "did you mean Answering:Gate:UnsaidThreshold?")]
    [InlineData("Index__Qdrant__Adress", "x", "Index:Qdrant:Adress is not a setting")]
    public async Task A_bad_setting_is_named_in_one_line_at_start(string variable, string value, string key)
    {
        using var work = new TempFolder();
        var environment = Env(work);
        environment[variable] = value;

        var (code, output, error) = await RunAsync(environment, null, "ask", "متى؟");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(key, Assert.Single(Lines(error)));
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task Indexing_an_empty_folder_needs_allow_empty_and_leaves_the_index_alone()
    {
        using var work = new TempFolder();
        var environment = Env(work);
        var empty = Path.Combine(work.Path, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(ExitCodes.Success, (await RunAsync(environment, null, "index", "--source", TestPaths.Seeds)).Code);

        var (refused, _, refusal) = await RunAsync(environment, null, "index", "--source", empty);
        var (_, passages, _) = await RunAsync(environment, null, "passages", "--json");
        var (allowed, output, _) = await RunAsync(environment, null, "index", "--source", empty, "--allow-empty");

        Assert.Equal(ExitCodes.BadInput, refused);
        Assert.Contains("--allow-empty", Assert.Single(Lines(refusal)));
        Assert.NotEmpty(Lines(passages));
        Assert.Equal(ExitCodes.Success, allowed);
        Assert.Contains("5 removed", output);
    }

    [Fact]
    public async Task Indexing_a_file_as_the_source_says_it_is_a_file()
    {
        using var work = new TempFolder();
        var file = work.File("one.txt", "نص");

        var (code, _, error) = await RunAsync(Env(work), null, "index", "--source", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {file} is a file, not a folder: index the folder that holds the documents (--source DIR)", Assert.Single(Lines(error)));
    }

    [Fact]
    public async Task Asking_with_nothing_indexed_is_an_error_naming_assistant_index_not_an_abstention()
    {
        using var work = new TempFolder();
        var empty = Path.Combine(work.Path, "empty");
        Directory.CreateDirectory(empty);
        var environment = new Dictionary<string, string> { ["Index__Path"] = Path.Combine(work.Path, "index"), ["Corpus__Path"] = empty };

        var (code, output, error) = await RunAsync(environment, null, "ask", "متى صدر البيان المشترك؟");
        var (batchCode, batchOutput, batchError) = await RunAsync(environment, "متى صدر البيان المشترك؟\n", "ask", "--json");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.Contains("index is empty", line);
        Assert.Contains("`assistant index`", line);
        Assert.Contains(empty, line);
        Assert.Equal(ExitCodes.Failure, batchCode);
        Assert.Empty(batchOutput);
        Assert.Equal(line, Assert.Single(Lines(batchError)));
    }

    [Fact]
    public async Task Asking_with_an_empty_index_folder_says_on_standard_error_what_it_indexed_before_answering()
    {
        using var work = new TempFolder();
        Directory.CreateDirectory(Path.Combine(work.Path, "index"));
        var environment = new Dictionary<string, string> { ["Index__Path"] = Path.Combine(work.Path, "index"), ["Corpus__Path"] = TestPaths.Seeds };

        var (code, output, error) = await RunAsync(environment, null, "ask", "متى صدر البيان المشترك؟");
        var (againCode, _, againError) = await RunAsync(environment, null, "ask", "متى صدر البيان المشترك؟");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("[1]", output);
        var lines = Lines(error);
        Assert.Contains(lines, line => line.Contains("no index yet", StringComparison.Ordinal));
        Assert.Matches($@"^indexed {Regex.Escape(Path.GetFullPath(TestPaths.Seeds))}: 5 added, 0 updated, 0 unchanged, 0 removed, 0 skipped; [1-9]\d* passages written in ", lines[^1]);
        // Once the index is there, nothing more is said.
        Assert.Equal(ExitCodes.Success, againCode);
        Assert.Empty(againError);
    }

    [Fact]
    public async Task Asking_a_damaged_index_names_the_repair_in_one_line()
    {
        using var work = new TempFolder();
        var environment = Env(work);
        Assert.Equal(ExitCodes.Success, (await RunAsync(environment, null, "index")).Code);
        var generation = File.ReadAllText(Path.Combine(work.Path, "index", "CURRENT")).Trim();
        var documents = Path.Combine(work.Path, "index", generation, "documents.jsonl");
        File.WriteAllBytes(documents, File.ReadAllBytes(documents)[..500]);

        var (code, output, error) = await RunAsync(environment, null, "ask", "كم عدد مشاهدات البيان الختامي لمباحثات أستانا 8؟");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("index --rebuild", Assert.Single(Lines(error)));
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_index_path_that_cannot_be_created_is_an_error_not_an_abstention()
    {
        using var work = new TempFolder();
        var blocker = work.File("blocker", "x");
        var environment = new Dictionary<string, string> { ["Index__Path"] = Path.Combine(blocker, "index") };

        var (askCode, askOutput, askError) = await RunAsync(environment, null, "ask", "متى وقعت المعاهدة؟");
        var (indexCode, _, indexError) = await RunAsync(environment, null, "index", "--rebuild");

        Assert.Equal(ExitCodes.Failure, askCode);
        Assert.Empty(askOutput);
        Assert.Contains(Path.Combine(blocker, "index"), Assert.Single(Lines(askError)));
        Assert.Equal(ExitCodes.Failure, indexCode);
        Assert.DoesNotContain("Another indexing run", Assert.Single(Lines(indexError)));
    }

    [Fact]
    public async Task Random_binary_lines_get_no_cited_answer()
    {
        using var work = new TempFolder();
        var random = new Random(21);
        var lines = Enumerable.Range(0, 200).Select(_ =>
        {
            var bytes = new byte[random.Next(10, 300)];
            random.NextBytes(bytes);
            return System.Text.Encoding.UTF8.GetString(bytes).Replace('\n', ' ').Replace('\r', ' ');
        })
        // Once cited a passage: its one letter matched the "G" of "G 20".
        .Append("\uFFFD\uFFFD:g@= \uFFFD");

        var (_, output, error) = await RunAsync(Env(work), string.Join('\n', lines) + "\n", "ask", "--json");

        Assert.DoesNotContain("   at ", error);
        foreach (var line in Lines(output))
        {
            using var answer = JsonDocument.Parse(line);
            if (answer.RootElement.TryGetProperty("citations", out var citations))
            {
                Assert.Equal(0, citations.GetArrayLength());
            }
        }
    }

    private static Dictionary<string, string> Env(TempFolder work) => new() { ["Index__Path"] = Path.Combine(work.Path, "index") };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] arguments)
    {
        using var process = CliProcess.Start(environment, arguments);
        if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), Ct);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}
