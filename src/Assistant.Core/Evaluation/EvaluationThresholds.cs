namespace Assistant.Evaluation;

/// <summary>Minimum values a run must reach (for CI gating); null means "not checked".</summary>
public sealed record EvaluationThresholds(
    double? EvidenceRecall = null,
    double? CitationExactness = null,
    double? AnswerTermHit = null,
    double? AbstentionPrecision = null,
    double? AbstentionRecall = null,
    double? DocumentRecallAt5 = null,
    double? EvidenceMrr = null)
{
    /// <summary>One message per threshold not met; a metric that cannot be measured does not meet its threshold.</summary>
    public IReadOnlyList<string> Check(EvaluationSummary summary)
    {
        var checks = new (string Name, double? Minimum, double? Actual)[]
        {
            ("evidence recall", EvidenceRecall, summary.EvidenceRecall),
            ("citation exactness", CitationExactness, summary.CitationExactness),
            ("answer-term hit", AnswerTermHit, summary.AnswerTermHit),
            ("abstention precision", AbstentionPrecision, summary.AbstentionPrecision),
            ("abstention recall", AbstentionRecall, summary.AbstentionRecall),
            ("document recall@5", DocumentRecallAt5, summary.DocumentRetrieval.RecallAt[5]),
            ("evidence MRR", EvidenceMrr, summary.EvidenceRetrieval.Mrr),
        };

        return checks
            .Where(c => c.Minimum is { } minimum && !(c.Actual >= minimum))
            .Select(c => c.Actual is { } actual
                ? $"{c.Name} {actual:0.###} is below the minimum {c.Minimum:0.###}"
                : $"{c.Name} cannot be measured on this gold set (minimum {c.Minimum:0.###})")
            .ToList();
    }
}
