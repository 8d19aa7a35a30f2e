using System.Diagnostics.Metrics;
using Assistant.Telemetry;
using Assistant.Tests.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Telemetry;

/// <summary>assistant.model.fallbacks counts answers the chat model was asked for but the extractive generator gave.</summary>
public sealed class ModelFallbackMetricTests
{
    private const string Question = "متى عقد مؤتمر أستانا؟";

    [Fact]
    public async Task A_failing_model_counts_one_fallback_and_a_verified_reply_none()
    {
        var failing = new ScriptedChatClient((_, _) => throw new HttpRequestException("connection refused"));
        var faithful = new ScriptedChatClient(_ => "عقد مؤتمر أستانا في يناير 2017 في عاصمة كازاخستان [1].");

        Assert.Equal(1, await FallbacksAsync(failing));
        Assert.Equal(0, await FallbacksAsync(faithful));
    }

    private static async Task<long> FallbacksAsync(ScriptedChatClient model)
    {
        // A meter factory of its own, so measurements of tests running alongside are not counted.
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        long fallbacks = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "assistant.model.fallbacks") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref fallbacks, value));
        listener.Start();

        var generator = new InstrumentedAnswerGenerator(new LlmHarness(model).Generator, new AnswerMetrics(meters));
        var answer = await generator.GenerateAsync(LlmHarness.Request(Question), TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        return Interlocked.Read(ref fallbacks);
    }
}
