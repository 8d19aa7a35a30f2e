using System.Diagnostics;
using Assistant.Answering;

namespace Assistant.Telemetry;

/// <summary>
/// Wraps the answer service in the <c>answer</c> span and records the answer metrics. When the chat model writes the
/// answers (<paramref name="usesModel"/>), an answer that comes back extractive, and is not an abstention (for which
/// the model is never asked), is a model fallback.
/// </summary>
public sealed class InstrumentedAnswerService(IAnswerService inner, AnswerMetrics metrics, bool usesModel) : IAnswerService
{
    public async Task<Answer> AskAsync(Question question, CancellationToken cancellationToken)
    {
        using var activity = AnswerActivities.StartAnswer(question.Text.Length);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await inner.AskAsync(question, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(AnswerActivities.PassageCount, answer.Passages.Count);
            AnswerActivities.Outcome(activity, answer.Generator, answer.Abstained, answer.AbstainReason, answer.Citations.Count);
            metrics.Answered(answer, Stopwatch.GetElapsedTime(started));
            if (usesModel && !answer.Abstained && answer.Generator == AnswerGenerators.Extractive)
            {
                metrics.ModelFallback();
            }
            return answer;
        }
        catch (Exception e)
        {
            AnswerActivities.Failed(activity, e);
            throw;
        }
    }
}
