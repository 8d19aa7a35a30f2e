using System.CommandLine;
using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Citations;
using Assistant.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli.Commands;

/// <summary>
/// `ask "QUESTION" [--json] [--top K]`; without a question, one question per line from standard input, all in one
/// process (so hundreds of questions cost one start-up): one JSON line per answer with `--json`, otherwise each answer
/// with its references as for one question, a blank line after each. With `--chat` those lines are one conversation, so
/// a follow-up («ومتى؟») is read with the questions before it, and each plain answer follows a line repeating its question. No
/// question at all, neither as an argument nor on standard input, is a usage error.
/// </summary>
internal static partial class AskCommand
{
    /// <summary>How a usage error about an option the parser does not know opens.</summary>
    public const string UnknownOption = "Unknown option";

    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question; omit it to read one question per line from standard input.", Arity = ArgumentArity.ZeroOrOne };
        // An option the parser does not know («--bogus», «--explian») would otherwise be taken for the question.
        question.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var token }] && OptionLike().IsMatch(token)) result.AddError($"{UnknownOption} '{token}'.");
        });
        var json = new Option<bool>("--json") { Description = "Print the Answer contract as JSON (one object per line)." };
        var top = new Option<int?>("--top")
        {
            Description = "Passages kept per search, 1 to 100 (default Retrieval:TopK); the answer may list more: the matching "
                + "neighbours of the best three, the lexical search's first passage, and the passages of a second search (a question searched again without its point of reference).",
            CustomParser = OptionParsers.WholeNumber("--top", 1, 100),
        };
        var explain = new Option<bool>("--explain") { Description = "Also show how the question was read, the best spans with their figures and checks, and why the answer or abstention won." };
        var chat = new Option<bool>("--chat") { Description = "With questions from standard input: ask them as one conversation, so a follow-up is read with the questions before it." };
        var command = new Command("ask", "Answer a question from the documents, with citations.") { question, json, top, explain, chat };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = CliServices.Build(IndexCommand.QuietLoader);
            // The index is made ready (built and reported when there is none) before the first question that is
            // asked, not for a usage error: a blank question, or none on standard input, builds nothing.
            var indexReady = false;
            async Task EnsureIndexAsync()
            {
                if (indexReady) return;
                var built = await services.GetRequiredService<IndexInitializer>().EnsureAnswerableIndexAsync(cancellationToken);
                await IndexCommand.ReportFirstBuildAsync(parsed.InvocationConfiguration.Error, built);
                indexReady = true;
            }
            var answers = services.GetRequiredService<IAnswerService>();
            var output = parsed.InvocationConfiguration.Output;
            var asJson = parsed.GetValue(json);
            var topK = parsed.GetValue(top);
            var explained = parsed.GetValue(explain);
            var single = parsed.GetValue(question);
            if (single is not null && parsed.GetValue(chat))
            {
                // A conversation of one question would be asked as if it were not one; say so rather than drop the flag.
                await parsed.InvocationConfiguration.Error.WriteLineAsync("error: --chat reads a conversation from standard input, one question per line; give no question as an argument.");
                return ExitCodes.BadInput;
            }
            if (single is not null)
            {
                if (QuestionText.Clean(single).Length > 0) await EnsureIndexAsync();
                var answer = await answers.AskAsync(new Question(single, TopK: topK, Explain: explained), cancellationToken);
                await output.WriteLineAsync(asJson ? ReadableJson.Line(answer) : Render(answer));
                return ExitCodes.Success;
            }
            var conversation = parsed.GetValue(chat) ? $"cli-{Guid.NewGuid():N}" : null;
            int failures = 0, asked = 0;
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                asked++;
                await EnsureIndexAsync();
                try
                {
                    var answer = await answers.AskAsync(new Question(line, conversation, topK, explained), cancellationToken);
                    // A conversation is read turn by turn: each answer under the question it answers.
                    if (conversation is not null && !asJson) await output.WriteLineAsync($"{TurnMark} {line.Trim()}");
                    // The [n] markers are only of use with the references they point to.
                    await output.WriteLineAsync(asJson ? ReadableJson.Line(answer) : Render(answer) + Environment.NewLine);
                }
                catch (InvalidQuestionException e)
                {
                    // One bad line must not stop a batch. JSON Lines keep one record per question, so its error takes the
                    // answer's place there; plain output is for reading, and its errors go where errors go.
                    failures++;
                    if (asJson) await output.WriteLineAsync(ReadableJson.Line(new { question = line, error = e.Message }));
                    else await parsed.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                }
            }
            if (asked == 0)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync("error: no question: give one as an argument, or one per line on standard input.");
                return ExitCodes.BadInput;
            }
            return failures == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>Opens the line that repeats a conversation turn's question before its answer (<c>--chat</c>).</summary>
    public const string TurnMark = "»";

    private static string Render(Answer answer)
    {
        var lines = new List<string> { answer.Text };
        if (answer.Citations.Count > 0) lines.Add("");
        foreach (var c in answer.Citations)
        {
            lines.Add($"[{c.Marker}] {c.DocumentId} [{c.Start},{c.End}) {CitationLabel.Of(c)}");
            lines.Add($"    «{DisplayText.OneLine(c.Quote)}»");
        }
        if (answer.AbstainReason is not null) lines.Add($"(abstain reason: {answer.AbstainReason})");
        if (answer.Explanation is { } explanation)
        {
            lines.Add("");
            lines.AddRange(explanation.Select(line => "  " + line));
        }
        return string.Join(Environment.NewLine, lines);
    }

    [GeneratedRegex(@"^--?[A-Za-z]")]
    private static partial Regex OptionLike();
}
