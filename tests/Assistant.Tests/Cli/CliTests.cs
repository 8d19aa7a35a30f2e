using System.Text.Json;
using Assistant.Answering;
using Assistant.Cli;
using Assistant.Cli.Commands;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public async Task Index_then_passages_json_gives_exact_slices_covering_every_seed()
    {
        using var work = new TempFolder();
        var index = Path.Combine(work.Path, "index");
        var (code, output, _) = await RunAsync(index, null, "index");
        Assert.Equal(0, code);
        Assert.Contains("5 added", output);

        (code, output, _) = await RunAsync(index, null, "passages", "--json");
        Assert.Equal(0, code);
        var passages = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var group in passages.GroupBy(p => p.GetProperty("documentId").GetString()!))
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, group.Key));
            var covered = new bool[text.Length];
            foreach (var p in group)
            {
                int start = p.GetProperty("start").GetInt32(), end = p.GetProperty("end").GetInt32();
                Assert.Equal(text[start..end], p.GetProperty("text").GetString());
                for (var i = start; i < end; i++) covered[i] = true;
            }
            Assert.All(Enumerable.Range(0, text.Length).Where(i => !covered[i]), i => Assert.True(char.IsWhiteSpace(text[i])));
        }
        Assert.Equal(5, passages.Select(p => p.GetProperty("documentId").GetString()).Distinct().Count());

        (code, output, _) = await RunAsync(index, null, "index");
        Assert.Equal(0, code);
        Assert.Contains("0 added, 0 updated, 5 unchanged, 0 removed", output);
    }

    [Fact]
    public async Task Ask_reads_a_hundred_questions_from_standard_input_in_one_process()
    {
        using var work = new TempFolder();
        var gold = GoldSet.Load(TestPaths.Gold("gold.jsonl")).Select(g => g.Question).Take(100).ToList();
        var input = string.Join('\n', gold.Concat(["", "   "]).Concat(gold.Take(100 - gold.Count))) + "\n";
        var (code, output, error) = await RunAsync(Path.Combine(work.Path, "index"), input, "ask", "--json");
        Assert.True(code == 0, error);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(100, answers.Count);
        foreach (var answer in answers)
        {
            Assert.True(answer.GetProperty("timings").GetProperty("retrievalMs").GetDouble() >= 0);
            Assert.True(answer.GetProperty("timings").GetProperty("answerMs").GetDouble() >= 0);
            Assert.Equal(answer.GetProperty("abstained").GetBoolean(), answer.GetProperty("citations").GetArrayLength() == 0);
            // The short answer opens every answered question's text; an abstention has none.
            if (answer.GetProperty("abstained").GetBoolean()) Assert.Equal(JsonValueKind.Null, answer.GetProperty("shortAnswer").ValueKind);
            else Assert.StartsWith(answer.GetProperty("shortAnswer").GetString()!, answer.GetProperty("answer").GetString()!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Plain_ask_output_opens_with_the_short_answer_then_the_quotes_and_their_sources()
    {
        using var work = new TempFolder();
        var index = Path.Combine(work.Path, "index");
        const string question = "أين التقى الرئيسان في 7 تموز 2017؟";
        var (_, json, _) = await RunAsync(index, null, "ask", "--json", question);
        var shortAnswer = JsonDocument.Parse(json).RootElement.GetProperty("shortAnswer").GetString()!;

        var (code, output, error) = await RunAsync(index, null, "ask", question);

        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        Assert.StartsWith(shortAnswer + " [1]", lines[0], StringComparison.Ordinal);
        Assert.Equal("", lines[1].Trim());
        Assert.StartsWith("«", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("[1] ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_answers_to_questions_from_standard_input_carry_their_references_and_errors_go_to_stderr()
    {
        using var work = new TempFolder();
        var index = Path.Combine(work.Path, "index");
        const string question = "أين التقى الرئيسان في 7 تموز 2017؟";
        var (_, single, _) = await RunAsync(index, null, "ask", question);
        var tooLong = new string('س', 4001);

        var (code, output, error) = await RunAsync(index, $"{question}\n{tooLong}\n{question}\n", "ask");

        Assert.Equal(ExitCodes.BadInput, code);
        // Each answer as for one question (text, its references and quotes), a blank line after each.
        var block = single.TrimEnd() + Environment.NewLine + Environment.NewLine;
        Assert.Equal(block + block, output);
        Assert.Contains("[1] ", output);
        Assert.Contains("رسالتك طويلة جدًا: فيها 4001 حرفًا", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Ask_chat_prints_each_question_before_its_answer_and_a_first_question_without_subject_is_asked_back()
    {
        using var work = new TempFolder();
        var (code, output, error) = await RunAsync(Path.Combine(work.Path, "index"), "ومتى؟\nأين التقى ترامب وبوتين؟\nومتى؟\n", "ask", "--chat");
        Assert.True(code == 0, error);
        var turns = ("\n" + output).Split("\n" + AskCommand.TurnMark + " ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, turns.Length);
        Assert.StartsWith("ومتى؟", turns[0], StringComparison.Ordinal);
        Assert.Contains($"(abstain reason: {AbstainReasons.SubjectUnknown})", turns[0], StringComparison.Ordinal);
        Assert.StartsWith("أين التقى ترامب وبوتين؟", turns[1], StringComparison.Ordinal);
        Assert.DoesNotContain(AbstainReasons.SubjectUnknown, turns[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_without_a_question_and_with_empty_standard_input_is_a_usage_error()
    {
        using var work = new TempFolder();
        var (code, _, error) = await RunAsync(Path.Combine(work.Path, "index"), "\n  \n", "ask");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no question", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData(new[] { "ask", "--top", "0", "سؤال" }, "--top")]
    [InlineData(new[] { "index", "--source", "/no/such/folder" }, "corpus folder not found")]
    [InlineData(new[] { "frobnicate" }, "error:")]
    [InlineData(new[] { "teams-package" }, "--app-id")]
    [InlineData(new[] { "ask", "" }, "السؤال فارغ")]
    public async Task Bad_usage_gives_one_line_and_exit_code_1(string[] arguments, string expected)
    {
        using var work = new TempFolder();
        var (code, output, error) = await RunAsync(Path.Combine(work.Path, "index"), null, arguments);
        Assert.Equal(ExitCodes.BadInput, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task Index_is_refused_while_another_process_holds_the_write_lock()
    {
        using var work = new TempFolder();
        var indexPath = Path.Combine(work.Path, "index");
        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var index = services.GetRequiredService<IPassageIndex>();
        await using (await index.BeginWriteAsync(rebuild: true, TestContext.Current.CancellationToken))
        {
            var (code, _, error) = await RunAsync(indexPath, null, "index");
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains("Another indexing run", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        var (after, output, _) = await RunAsync(indexPath, null, "index");
        Assert.Equal(ExitCodes.Success, after);
        Assert.Contains("5 added", output);
    }

    [Fact]
    public async Task An_unknown_index_provider_is_named_in_one_line()
    {
        using var work = new TempFolder();
        using var process = CliProcess.Start(
            new Dictionary<string, string> { ["Index__Path"] = Path.Combine(work.Path, "index"), ["Index__Provider"] = "Lucene" }, "passages");
        process.StandardInput.Close();
        var ct = TestContext.Current.CancellationToken;
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.Equal(ExitCodes.Failure, process.ExitCode);
        Assert.Contains("Index:Provider 'Lucene' is not known", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string indexPath, string? input, params string[] arguments)
    {
        using var process = CliProcess.Start(indexPath, arguments);
        var ct = TestContext.Current.CancellationToken;
        if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), ct);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }
}
