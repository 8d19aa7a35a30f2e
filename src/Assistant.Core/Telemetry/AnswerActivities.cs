using System.Diagnostics;
using Assistant.Answering;

namespace Assistant.Telemetry;

/// <summary>
/// The answer pipeline's spans: <c>answer</c> around a whole question, with <c>retrieve</c>, <c>generate</c> and
/// <c>verify</c> inside it. Spans carry sizes and outcomes only (question length, passage and citation counts,
/// generator, abstain reason), never the question or answer text, so traces can be kept and shared like metrics.
/// Without a listener (no exporter configured) no span is created at all.
/// </summary>
public static class AnswerActivities
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name to subscribe to.</summary>
    public const string SourceName = "Assistant";

    public const string Answer = "answer";
    public const string Retrieve = "retrieve";
    public const string Generate = "generate";
    public const string Verify = "verify";

    public const string QuestionLength = "assistant.question.length";
    public const string PassageCount = "assistant.passage.count";
    public const string CitationCount = "assistant.citation.count";
    public const string Generator = "assistant.generator";
    public const string Abstained = "assistant.abstained";
    public const string AbstainReason = "assistant.abstain_reason";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartAnswer(int questionLength) =>
        Source.StartActivity(Answer)?.SetTag(QuestionLength, questionLength);

    public static Activity? StartRetrieve(int queryLength) =>
        Source.StartActivity(Retrieve)?.SetTag(QuestionLength, queryLength);

    private static Activity? StartGenerate(AnswerRequest request) =>
        Source.StartActivity(Generate)?.SetTag(QuestionLength, request.Question.Length).SetTag(PassageCount, request.Passages.Count);

    /// <summary>Runs <paramref name="generator"/> inside the <c>generate</c> span, tagged with what it gave.</summary>
    public static async Task<GeneratedAnswer> GenerateTracedAsync(this IAnswerGenerator generator, AnswerRequest request, CancellationToken cancellationToken)
    {
        using var activity = StartGenerate(request);
        try
        {
            var generated = await generator.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
            Outcome(activity, generated.Generator, generated.Abstained, generated.AbstainReason, generated.Citations.Count);
            return generated;
        }
        catch (Exception e)
        {
            Failed(activity, e);
            throw;
        }
    }

    /// <summary>Citation checking against the documents; <c>using var</c> it at the top of the step.</summary>
    public static Activity? StartVerify(GeneratedAnswer generated) =>
        Source.StartActivity(Verify)?.SetTag(CitationCount, generated.Citations.Count).SetTag(Generator, generated.Generator);

    /// <summary>Tags an <c>answer</c> or <c>generate</c> span with what came out of it.</summary>
    public static void Outcome(Activity? activity, string generator, bool abstained, string? abstainReason, int citations)
    {
        activity?.SetTag(Generator, generator)
            .SetTag(Abstained, abstained)
            .SetTag(AbstainReason, abstainReason)
            .SetTag(CitationCount, citations);
    }

    /// <summary>Marks a span failed with the exception's type only: its message may quote the question.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error).SetTag("error.type", exception.GetType().FullName);
    }
}
