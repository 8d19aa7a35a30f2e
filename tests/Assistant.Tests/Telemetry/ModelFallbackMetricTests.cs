using System.Diagnostics.Metrics;
using Assistant.Answering;
using Assistant.Tests.Llm;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Telemetry;

/// <summary>
/// Over the seed documents with a chat model double: assistant.model.fallbacks counts answers the model was asked
/// for but the extractive generator gave, and assistant.answers counts every answer by generator.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ModelFallbackMetricTests(SeedIndexFixture seeds)
{
    [Fact]
    public async Task A_failing_model_counts_one_fallback_and_a_verified_model_answer_none()
    {
        var failing = new ScriptedChatClient((_, _) => throw new HttpRequestException("connection refused"));
        var faithful = new ScriptedChatClient(messages => SeedModel.Reply(messages.Last(m => m.Role == ChatRole.User).Text));

        var (failed, failedCounts) = await AskCountingAsync(failing);
        var (answered, answeredCounts) = await AskCountingAsync(faithful);

        Assert.Equal((AnswerGenerators.Extractive, false), (failed.Generator, failed.Abstained));
        Assert.Equal(1, failedCounts.GetValueOrDefault("assistant.model.fallbacks"));
        Assert.Equal(1, failedCounts.GetValueOrDefault("assistant.answers"));
        Assert.Equal((AnswerGenerators.Llm, false), (answered.Generator, answered.Abstained));
        Assert.Equal(0, answeredCounts.GetValueOrDefault("assistant.model.fallbacks"));
        Assert.Equal(1, answeredCounts.GetValueOrDefault("assistant.answers"));
    }

    /// <summary>Asks the seed question with <paramref name="model"/> as the chat model; counts the measurements of that host's meters only.</summary>
    private async Task<(Answer Answer, Dictionary<string, long> Counts)> AskCountingAsync(IChatClient model)
    {
        await using var services = AssistantHost.Build(TestPaths.Seeds, seeds.IndexPath, configure: s =>
        {
            s.AddChatClient(model);
            s.AddLlmAnswering();
        });
        var meters = services.GetRequiredService<IMeterFactory>();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counts) counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(SeedModel.Question), TestContext.Current.CancellationToken);
        return (answer, counts);
    }
}
