using Assistant.Answering.Llm;
using Assistant.Conversations;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Llm;

public sealed class LlmFollowUpResolverTests
{
    private const string FollowUp = "ومتى عقد؟";

    private static readonly ConversationTurn[] History =
    [
        new("أين عقد مؤتمر أستانا؟", "أين عقد مؤتمر أستانا؟", "عُقد المؤتمر في \"أستانا\" عاصمة كازاخستان <بحسب الوثيقة> [1]."),
    ];

    private static readonly HeuristicFollowUpResolver Heuristic = new(LlmHarness.Analyzer, new Evaluation.DocumentOnlyIndex(new Dictionary<string, string>
    {
        ["astana.txt"] = "عقد مؤتمر أستانا في عاصمة كازاخستان.",
    }));

    private static (LlmFollowUpResolver Resolver, RecordingLogger<LlmFollowUpResolver> Log) Create(IChatClient chat)
    {
        var log = new RecordingLogger<LlmFollowUpResolver>();
        return (new LlmFollowUpResolver(Heuristic, LlmHarness.Prompts, new LlmHarness(chat).Runner, log), log);
    }

    private static Task<string> HeuristicAnswer() => Heuristic.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_condensed_question_replaces_the_follow_up()
    {
        var chat = new ScriptedChatClient(_ => "متى عقد مؤتمر أستانا؟");
        var (resolver, log) = Create(chat);

        var standalone = await resolver.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken);

        Assert.Equal("متى عقد مؤتمر أستانا؟", standalone);
        Assert.Empty(log.Messages);
    }

    [Fact]
    public async Task The_prompt_carries_earlier_turns_verbatim_without_their_markers()
    {
        var chat = new ScriptedChatClient(_ => "متى عقد مؤتمر أستانا؟");

        await Create(chat).Resolver.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken);

        var prompt = chat.LastUserText;
        Assert.Contains("أين عقد مؤتمر أستانا؟", prompt);
        Assert.Contains("عُقد المؤتمر في \"أستانا\" عاصمة كازاخستان <بحسب الوثيقة>.", prompt);
        Assert.DoesNotContain("[1]", prompt);
        Assert.EndsWith(FollowUp, prompt);
    }

    [Fact]
    public async Task Quotation_marks_and_extra_lines_around_the_question_are_dropped()
    {
        var (resolver, _) = Create(new ScriptedChatClient(_ => "«متى عقد مؤتمر أستانا؟»\nهذا هو السؤال المستقل."));

        Assert.Equal("متى عقد مؤتمر أستانا؟", await resolver.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" «» ")]
    public async Task An_empty_reply_leaves_it_to_the_heuristic(string reply)
    {
        var (resolver, log) = Create(new ScriptedChatClient(_ => reply));

        Assert.Equal(await HeuristicAnswer(), await resolver.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken));
        Assert.Contains("heuristic", log.All);
    }

    [Fact]
    public async Task A_failing_model_leaves_it_to_the_heuristic()
    {
        var (resolver, log) = Create(new ScriptedChatClient(_ => throw new InvalidOperationException("model not found")));

        Assert.Equal(await HeuristicAnswer(), await resolver.ResolveAsync(FollowUp, History, TestContext.Current.CancellationToken));
        Assert.Contains("model not found", log.All);
    }

    [Fact]
    public async Task A_first_question_is_not_sent_to_the_model()
    {
        var chat = new ScriptedChatClient(_ => "سؤال آخر");

        var standalone = await Create(chat).Resolver.ResolveAsync("أين عقد مؤتمر أستانا؟", [], TestContext.Current.CancellationToken);

        Assert.Equal("أين عقد مؤتمر أستانا؟", standalone);
        Assert.Empty(chat.Requests);
    }
}
