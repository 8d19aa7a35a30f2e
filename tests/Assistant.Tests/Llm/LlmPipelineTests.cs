using Assistant.Answering.Llm;
using Assistant.Answering;
using Assistant.Citations;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Llm;

/// <summary>The LLM generator and resolver inside the real answering service, over the seed documents, with a chat model double.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class LlmPipelineTests(SeedIndexFixture seeds)
{
    private const string Question = SeedModel.Question;

    private static string WellBehavedModel(IReadOnlyList<ChatMessage> messages) => SeedModel.Reply(messages.Last(m => m.Role == ChatRole.User).Text);

    private ServiceProvider WithChatModel(IChatClient chat) => AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, configure: services =>
    {
        services.AddChatClient(chat);
        services.AddLlmAnswering();
    });

    private static async Task<IReadOnlyList<string>> Problems(ServiceProvider services, Answer answer)
    {
        var index = services.GetRequiredService<IPassageIndex>();
        var documents = new Dictionary<string, string?>();
        foreach (var id in answer.Citations.Select(c => c.DocumentId).Distinct())
        {
            documents[id] = (await index.GetDocumentAsync(id, TestContext.Current.CancellationToken))?.Text;
        }

        return CitationVerifier.Verify(answer.Text, answer.Citations, id => documents.GetValueOrDefault(id));
    }

    [Fact]
    public async Task A_model_answer_reaches_the_user_with_citations_verified_against_the_documents()
    {
        await using var services = WithChatModel(new ScriptedChatClient(WellBehavedModel));

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(Question), TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        Assert.Equal(SeedModel.Answer, answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(SeedModel.SupportingSentence, citation.Quote);
        Assert.Empty(await Problems(services, answer));
    }

    [Fact]
    public async Task A_model_that_invents_citations_gets_the_extractive_answer_instead()
    {
        await using var llm = WithChatModel(new ScriptedChatClient(_ => "اتفق الرئيسان على أنه لا يوجد حل عسكري [9]."));
        var extractive = seeds.Services;

        var answer = await llm.GetRequiredService<IAnswerService>().AskAsync(new Question(Question), TestContext.Current.CancellationToken);
        var expected = await extractive.GetRequiredService<IAnswerService>().AskAsync(new Question(Question), TestContext.Current.CancellationToken);

        Assert.False(expected.Abstained, "test data: the extractive generator should answer this question");
        Assert.Equal(expected.Text, answer.Text);
        Assert.Equal(expected.Citations, answer.Citations);
        Assert.Empty(await Problems(llm, answer));
    }

    [Fact]
    public async Task One_budget_covers_the_rewrite_and_the_answer_of_a_turn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var silent = false;
        var chat = new ScriptedChatClient(async (messages, token) =>
        {
            if (!silent) return WellBehavedModel(messages);
            clock.Advance(TimeSpan.FromSeconds(12));
            await Task.Delay(Timeout.Infinite, token);
            return "";
        });
        await using var services = AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, configure: s =>
        {
            s.AddChatClient(chat);
            s.AddLlmAnswering();
            s.AddSingleton<TimeProvider>(clock);
        });
        var answers = services.GetRequiredService<IAnswerService>();
        await answers.AskAsync(new Question(Question, "c1"), TestContext.Current.CancellationToken);

        silent = true;
        var followUp = await answers.AskAsync(new Question("ومتى صدر؟", "c1"), TestContext.Current.CancellationToken);

        // The rewrite took the whole budget: the answer is not asked of the model at all, and comes from the fallbacks.
        Assert.Equal(2, chat.Requests.Count);
        Assert.Contains("سؤال المتابعة", chat.Requests[^1][^1].Text);
        Assert.Equal(ModelStatuses.TimedOut, followUp.Model?.Status);
        Assert.Equal(AnswerGenerators.Extractive, followUp.Generator);
    }

    [Fact]
    public async Task A_follow_up_is_searched_as_the_model_condensed_it()
    {
        var chat = new ScriptedChatClient(WellBehavedModel);
        await using var services = WithChatModel(chat);
        var answers = services.GetRequiredService<IAnswerService>();

        await answers.AskAsync(new Question("ما الوثيقة التي رحب بها ترامب وبوتين بعد إبرامها في الأردن؟", "c1"), TestContext.Current.CancellationToken);
        var followUp = await answers.AskAsync(new Question("ومتى أبرمت؟", "c1"), TestContext.Current.CancellationToken);

        Assert.Equal(SeedModel.CondensedFollowUp, followUp.StandaloneQuestion);
        Assert.Contains(chat.Requests, r => r[^1].Text.Contains("سؤال المتابعة: ومتى أبرمت؟"));
    }
}
