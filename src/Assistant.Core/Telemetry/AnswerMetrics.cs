using System.Diagnostics.Metrics;
using Assistant.Answering;

namespace Assistant.Telemetry;

/// <summary>
/// The answer pipeline's metrics (meter <see cref="AnswerActivities.SourceName"/>): answers by generator, abstentions
/// by reason, model fallbacks, and latency histograms for the whole question, retrieval and answer writing
/// (generate + verify). Instruments without a listener cost a branch, so they are always recorded.
/// </summary>
public sealed class AnswerMetrics
{
    private readonly Counter<long> _answers;
    private readonly Counter<long> _abstentions;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _retrieval;
    private readonly Histogram<double> _generation;

    public AnswerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AnswerActivities.SourceName);
        _answers = meter.CreateCounter<long>("assistant.answers", "{answer}", "Questions answered, abstentions included, by generator.");
        _abstentions = meter.CreateCounter<long>("assistant.abstentions", "{answer}", "Answers that abstained, by reason.");
        _fallbacks = meter.CreateCounter<long>("assistant.model.fallbacks", "{answer}", "Answers the chat model was asked for but the extractive generator gave (the model failed, timed out or its reply did not verify).");
        _duration = meter.CreateHistogram<double>("assistant.answer.duration", "s", "Time to answer a question, end to end.");
        _retrieval = meter.CreateHistogram<double>("assistant.retrieval.duration", "s", "Time to retrieve a question's passages.");
        _generation = meter.CreateHistogram<double>("assistant.generation.duration", "s", "Time to write and verify an answer from the passages.");
    }

    public void Answered(Answer answer, TimeSpan elapsed)
    {
        var generator = new KeyValuePair<string, object?>(AnswerActivities.Generator, answer.Generator);
        _answers.Add(1, generator, new(AnswerActivities.Abstained, answer.Abstained));
        if (answer.Abstained)
        {
            _abstentions.Add(1, new KeyValuePair<string, object?>(AnswerActivities.AbstainReason, answer.AbstainReason));
        }
        _duration.Record(elapsed.TotalSeconds, generator);
        _retrieval.Record(answer.Timings.RetrievalMs / 1000);
        _generation.Record(answer.Timings.AnswerMs / 1000, generator);
    }

    public void ModelFallback() => _fallbacks.Add(1);
}
