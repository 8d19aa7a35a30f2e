using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Citations;
using Microsoft.Extensions.AI;
using static Assistant.Tests.Llm.LlmTestPassages;

namespace Assistant.Tests.Llm;

public sealed class LlmAnswerGeneratorTests
{
    private const string Question = "متى عقد مؤتمر أستانا؟";

    /// <summary>The number the prompt gave to the first passage containing <paramref name="words"/>, read from the prompt itself.</summary>
    private static int NumberOfPassageWith(IReadOnlyList<ChatMessage> messages, string words)
    {
        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var match = Regex.Matches(prompt, @"^\[(\d+)\][^\n]*\n([^\n]+)", RegexOptions.Multiline).First(m => m.Groups[2].Value.Contains(words));
        return int.Parse(match.Groups[1].Value);
    }

    /// <summary>A faithful model: paraphrases the passage that holds the answer and cites it by the number the prompt gave it.</summary>
    private static ScriptedChatClient Faithful() =>
        new(messages => $"عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [{NumberOfPassageWith(messages, "كازاخستان")}].");

    private static async Task<GeneratedAnswer> ExtractiveAnswer() =>
        await LlmHarness.Extractive.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_faithful_reply_is_given_with_citations_of_the_supporting_sentence()
    {
        var chat = Faithful();
        var harness = new LlmHarness(chat);

        var answer = await harness.Generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        Assert.Equal("عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(SpanOf(AstanaText, "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان."), (citation.Start, citation.End));
        Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, DocumentText));
        Assert.Empty(harness.GeneratorLog.Messages);
    }

    [Fact]
    public async Task The_prompt_gives_the_rules_the_numbered_passages_and_the_question()
    {
        var chat = Faithful();

        await new LlmHarness(chat).Generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        var request = Assert.Single(chat.Requests);
        Assert.Equal([ChatRole.System, ChatRole.User], request.Select(m => m.Role));
        Assert.Contains("NO_ANSWER", request[0].Text);
        var user = request[1].Text;
        for (var n = 1; n <= Retrieved.Count; n++)
        {
            Assert.Contains($"[{n}] {Retrieved[n - 1].Passage.Title}\n{Retrieved[n - 1].Passage.Text}", user);
        }

        Assert.EndsWith(Question, user);
        Assert.Equal(0f, chat.Options[0]?.Temperature);
    }

    public static TheoryData<string, string, string> UnfaithfulModels => new()
    {
        { "invents a citation", "عقد مؤتمر أستانا في يناير 2017 [7].", "[7]" },
        { "writes an uncited sentence", "عقد مؤتمر أستانا في يناير 2017 [1]. وكان الطقس بارداً في تلك الأيام.", "no marker" },
        { "cites a passage that does not say it", "عقد مؤتمر أستانا في يناير 2017 [2].", "does not support" },
        { "invents a quotation", "قال المشاركون «إن الحرب في سوريا انتهت تماماً» [1].", "quotation" },
        { "replies with nothing", "", "empty" },
    };

    [Theory]
    [MemberData(nameof(UnfaithfulModels))]
    public async Task An_unfaithful_reply_falls_back_to_the_extractive_answer_and_logs_why(string model, string reply, string reason)
    {
        var harness = new LlmHarness(new ScriptedChatClient(_ => reply));

        var answer = await harness.Generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        var extractive = await ExtractiveAnswer();
        Assert.False(extractive.Abstained, "test data: the extractive generator should answer this question");
        Assert.Equal(extractive, answer with { Citations = extractive.Citations });
        Assert.Equal(extractive.Citations, answer.Citations);
        Assert.Contains(reason, harness.GeneratorLog.All);
        Assert.True(harness.GeneratorLog.Messages.Count == 1, $"one warning expected when the model {model}");
    }

    [Fact]
    public async Task A_failing_chat_client_falls_back_to_the_extractive_answer()
    {
        var harness = new LlmHarness(new ScriptedChatClient(_ => throw new HttpRequestException("connection refused")));

        var answer = await harness.Generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        Assert.Equal((await ExtractiveAnswer()).Text, answer.Text);
        Assert.Contains("connection refused", harness.GeneratorLog.All);
    }

    [Fact]
    public async Task A_chat_client_that_never_answers_times_out_to_the_extractive_answer()
    {
        var harness = new LlmHarness(
            new ScriptedChatClient(async (_, token) => { await Task.Delay(Timeout.Infinite, token); return ""; }),
            timeoutSeconds: 1);

        var answer = await harness.Generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        Assert.Equal((await ExtractiveAnswer()).Text, answer.Text);
        Assert.Contains("did not answer within 1 s", harness.GeneratorLog.All);
    }

    [Fact]
    public async Task When_the_caller_cancels_the_generator_does_not_swallow_it()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var harness = new LlmHarness(new ScriptedChatClient(async (_, token) =>
        {
            await caller.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return "";
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Generator.GenerateAsync(LlmHarness.Request(Question), caller.Token));
        Assert.Empty(harness.GeneratorLog.Messages);
    }

    [Fact]
    public async Task When_the_evidence_is_too_weak_it_abstains_without_asking_the_model()
    {
        var chat = Faithful();
        var harness = new LlmHarness(chat);

        var answer = await harness.Generator.GenerateAsync(LlmHarness.Request("كم يبلغ عدد سكان البرازيل؟"), TestContext.Current.CancellationToken);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Empty(chat.Requests);
    }
}
