using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Citations;
using Microsoft.Extensions.AI;
using static Assistant.Tests.Llm.LlmTestPassages;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Tests.Llm;

public sealed class LlmAnswerGeneratorTests
{
    private const string Question = "متى عقد مؤتمر أستانا؟";

    /// <summary>The number the prompt gave to the block containing <paramref name="words"/>, read from the prompt itself.</summary>
    private static int NumberOfPassageWith(IReadOnlyList<ChatMessage> messages, string words) =>
        ModelFacts.NumberOf(messages.Last(m => m.Role == ChatRole.User).Text, words);

    /// <summary>A faithful model: paraphrases the passage that holds the answer and cites it by the number the prompt gave it.</summary>
    private static ScriptedChatClient Faithful() =>
        new(messages => $"عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [{NumberOfPassageWith(messages, "كازاخستان")}].");

    /// <summary>A model that never answers; it moves the harness's fake clock on by <paramref name="seconds"/> first, as waiting that long would.</summary>
    private static ScriptedChatClient Silent(Func<LlmHarness> harness, double seconds) => new(async (_, token) =>
    {
        harness().Clock.Advance(TimeSpan.FromSeconds(seconds));
        await Task.Delay(Timeout.Infinite, token);
        return "";
    });

    private static async Task<GeneratedAnswer> ExtractiveAnswer() =>
        await LlmHarness.Extractive.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

    private static async Task AssertExtractive(GeneratedAnswer answer)
    {
        var extractive = await ExtractiveAnswer();
        Assert.False(extractive.Abstained, "test data: the extractive generator should answer this question");
        Assert.Equal((extractive.Text, AnswerGenerators.Extractive), (answer.Text, answer.Generator));
        Assert.Equal(extractive.Citations, answer.Citations);
    }

    [Fact]
    public async Task A_faithful_reply_is_given_with_citations_of_the_supporting_sentence()
    {
        var harness = new LlmHarness(Faithful());

        var answer = await harness.AnswerAsync(Question);

        Assert.False(answer.Abstained);
        Assert.Equal(AnswerGenerators.Llm, answer.Generator);
        Assert.Equal(ModelStatuses.Accepted, answer.Model?.Status);
        Assert.Equal("عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(SpanOf(AstanaText, "عُقد مؤتمر أستانا للسلام في كانون الثاني/يناير 2017 في عاصمة كازاخستان."), (citation.Start, citation.End));
        Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, DocumentText));
        Assert.Empty(harness.GeneratorLog.Messages);
    }

    [Fact]
    public async Task The_prompt_numbers_each_passage_once_under_its_document_title_and_asks_for_the_short_answer_first()
    {
        var chat = Faithful();

        await new LlmHarness(chat).AnswerAsync(Question);

        var request = Assert.Single(chat.Requests);
        Assert.Equal([ChatRole.System, ChatRole.User], request.Select(m => m.Role));
        Assert.Contains(PromptLibrary.NoAnswerToken, request[0].Text);
        Assert.Contains("السطر الأول", request[0].Text);
        var user = request[1].Text;
        var blocks = Regex.Matches(user, @"^\[(\d+)\] ([^\n]+)\n", RegexOptions.Multiline);
        Assert.Equal(["1", "2"], blocks.Select(b => b.Groups[1].Value));
        Assert.Equal(["مؤتمر أستانا", "قرار مجلس الأمن"], blocks.Select(b => b.Groups[2].Value));
        // Passages 1 and 3 of the retrieval share a sentence: it is shown once, in one block spanning both.
        Assert.Single(Regex.Matches(user, "وشاركت فيه روسيا"));
        Assert.Contains(AstanaText[AstanaText.IndexOf("عُقد", StringComparison.Ordinal)..], user);
        Assert.EndsWith(Question, user);
        Assert.Equal(0f, chat.Options[0]?.Temperature);
    }

    public static TheoryData<string, string, string> UnfaithfulModels => new()
    {
        { "invents a citation", "عقد مؤتمر أستانا في يناير 2017 [7].", RejectionReasons.UnknownMarker },
        { "writes an uncited sentence", "عقد مؤتمر أستانا في يناير 2017 [1]. وكان الطقس بارداً في تلك الأيام.", RejectionReasons.Uncited },
        { "cites a passage that does not say it", "عقد مؤتمر أستانا في يناير 2017 [2].", RejectionReasons.Date },
        { "invents a quotation", "قال المشاركون «إن الحرب في سوريا انتهت تماماً» [1].", RejectionReasons.InventedQuote },
        { "moves the conference", "عقد مؤتمر أستانا في يناير 2017 في موسكو [1].", RejectionReasons.Name },
        { "replies with nothing", "", RejectionReasons.Empty },
    };

    [Theory]
    [MemberData(nameof(UnfaithfulModels))]
    public async Task An_unfaithful_reply_falls_back_to_the_extractive_answer_and_says_why(string model, string reply, string reason)
    {
        var harness = new LlmHarness(new ScriptedChatClient(_ => reply));

        var answer = await harness.AnswerAsync(Question);

        await AssertExtractive(answer);
        Assert.Equal(ModelStatuses.Rejected, answer.Model?.Status);
        Assert.True(answer.Model!.Rejections.Any(r => r.Reason == reason), $"when the model {model}: {answer.Model}");
        Assert.Contains(reason, harness.GeneratorLog.All);
    }

    [Fact]
    public async Task A_refusal_is_an_abstention_when_the_extractive_answer_is_not_strong_enough_to_stand_against_it()
    {
        // Half of this question's words are in the passages: enough for the extractive answer, not to overrule the model.
        const string weak = "متى عقد مؤتمر أستانا الذي ناقش مستقبل اللاجئين؟";
        var harness = new LlmHarness(new ScriptedChatClient(_ => PromptLibrary.NoAnswerToken), new ChatSettings { RefusalOverrideEvidence = 0.6 });
        var extractive = await LlmHarness.Extractive.GenerateAsync(LlmHarness.Request(weak), TestContext.Current.CancellationToken);
        Assert.False(extractive.Abstained, "test data: the extractive generator should answer this question");

        var answer = await harness.AnswerAsync(weak);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Equal(AbstainReasons.ModelRefused, answer.AbstainReason);
        Assert.Equal(AnswerGenerators.Llm, answer.Generator);
        Assert.Equal(ModelStatuses.Refused, answer.Model?.Status);
    }

    [Fact]
    public async Task A_refusal_gives_way_to_an_extractive_answer_that_passes_the_stricter_threshold()
    {
        var harness = new LlmHarness(new ScriptedChatClient(_ => $"{PromptLibrary.NoAnswerToken}."), new ChatSettings { RefusalOverrideEvidence = 0.3 });

        var answer = await harness.AnswerAsync(Question);

        await AssertExtractive(answer);
        Assert.Equal(ModelStatuses.Refused, answer.Model?.Status);
    }

    [Fact]
    public async Task A_failing_chat_client_falls_back_to_the_extractive_answer()
    {
        var harness = new LlmHarness(new ScriptedChatClient(_ => throw new HttpRequestException("connection refused")));

        var answer = await harness.AnswerAsync(Question);

        await AssertExtractive(answer);
        Assert.Equal(ModelStatuses.Failed, answer.Model?.Status);
        Assert.Contains("connection refused", harness.GeneratorLog.All);
    }

    [Fact]
    public async Task A_model_that_hangs_is_cut_at_the_turn_budget()
    {
        LlmHarness? silent = null;
        silent = new LlmHarness(Silent(() => silent!, 5), new ChatSettings { TurnBudgetSeconds = 5, TimeoutSeconds = 60 });

        var answer = await silent.AnswerAsync(Question);

        await AssertExtractive(answer);
        Assert.Equal(ModelStatuses.TimedOut, answer.Model?.Status);
        Assert.Contains("time budget of 5 s", silent.GeneratorLog.All);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_opens_the_circuit_and_later_turns_do_not_wait_for_it()
    {
        ScriptedChatClient? chat = null;
        LlmHarness? harness = null;
        var silent = true;
        chat = new ScriptedChatClient(async (messages, token) =>
        {
            if (!silent) return $"عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [{NumberOfPassageWith(messages, "كازاخستان")}].";
            harness!.Clock.Advance(harness.Budget.Limit);
            await Task.Delay(Timeout.Infinite, token);
            return "";
        });
        harness = new LlmHarness(chat, new ChatSettings { CircuitBreaker = { FailuresToOpen = 1, BreakSeconds = 30 } });

        var first = await harness.AnswerAsync(Question);
        var second = await harness.AnswerAsync(Question);

        Assert.Equal(ModelStatuses.TimedOut, first.Model?.Status);
        Assert.Equal(ModelStatuses.CircuitOpen, second.Model?.Status);
        await AssertExtractive(second);
        Assert.Single(chat.Requests);

        // After the break, one call tries the model again; an answer closes the circuit.
        silent = false;
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        var third = await harness.AnswerAsync(Question);
        Assert.Equal(ModelStatuses.Accepted, third.Model?.Status);
        Assert.Equal(2, chat.Requests.Count);
    }

    [Fact]
    public async Task A_model_that_is_down_trips_the_breaker()
    {
        var chat = new ScriptedChatClient(_ => throw new HttpRequestException("connection refused"));
        var harness = new LlmHarness(chat);

        var answers = new List<GeneratedAnswer>();
        for (var turn = 0; turn < 3; turn++) answers.Add(await harness.AnswerAsync(Question));

        Assert.Single(chat.Requests);
        Assert.Equal([ModelStatuses.Failed, ModelStatuses.CircuitOpen, ModelStatuses.CircuitOpen], answers.Select(a => a.Model?.Status));
        foreach (var answer in answers) await AssertExtractive(answer);
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

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.AnswerWithinAsync(Question, caller.Token));
        Assert.Empty(harness.GeneratorLog.Messages);
        Assert.True(harness.Breaker.TryEnter(out _), "a cancelled call says nothing about the model");
    }

    [Fact]
    public async Task When_the_evidence_is_too_weak_it_abstains_without_asking_the_model()
    {
        var chat = Faithful();
        var harness = new LlmHarness(chat);

        var answer = await harness.AnswerAsync("كم يبلغ عدد سكان البرازيل؟");

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Empty(chat.Requests);
        Assert.Equal(ModelStatuses.NotAsked, answer.Model?.Status);
    }
}
