using Assistant.Answering;
using Assistant.Answering.Llm;

namespace Assistant.Telemetry;

/// <summary>
/// Wraps the configured answer generator in the <c>generate</c> span. When it is the chat model's generator, an
/// answer that comes back extractive (and not an abstention, for which the model is never asked) is a model fallback.
/// </summary>
public sealed class InstrumentedAnswerGenerator(IAnswerGenerator inner, AnswerMetrics metrics) : IAnswerGenerator
{
    private readonly bool _usesModel = inner is LlmAnswerGenerator;

    public async Task<GeneratedAnswer> GenerateAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        using var activity = AnswerActivities.StartGenerate(request);
        try
        {
            var generated = await inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
            AnswerActivities.Outcome(activity, generated.Generator, generated.Abstained, generated.AbstainReason, generated.Citations.Count);
            if (_usesModel && !generated.Abstained && generated.Generator == AnswerGenerators.Extractive)
            {
                metrics.ModelFallback();
            }
            return generated;
        }
        catch (Exception e)
        {
            AnswerActivities.Failed(activity, e);
            throw;
        }
    }
}
