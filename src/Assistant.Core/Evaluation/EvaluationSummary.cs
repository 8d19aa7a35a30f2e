using System.Text.Json.Serialization;

namespace Assistant.Evaluation;

/// <summary>
/// Overall metrics of a run. A ratio is null when its denominator is zero (e.g. abstention precision when the
/// assistant never abstained), so "not measurable" is never mistaken for 0 or 1.
/// </summary>
public sealed record EvaluationSummary
{
    public static readonly IReadOnlyList<int> RecallCutoffs = [1, 3, 5, 10];

    [JsonPropertyName("questions")] public required int Questions { get; init; }
    [JsonPropertyName("answerable")] public required int Answerable { get; init; }
    [JsonPropertyName("unanswerable")] public required int Unanswerable { get; init; }
    [JsonPropertyName("passed")] public required int Passed { get; init; }

    /// <summary>Exact citations / all citations, over every answer.</summary>
    [JsonPropertyName("citationExactness")] public required double? CitationExactness { get; init; }
    [JsonPropertyName("citations")] public required int Citations { get; init; }

    /// <summary>Answerable questions with a citation overlapping the gold evidence / answerable questions.</summary>
    [JsonPropertyName("evidenceRecall")] public required double? EvidenceRecall { get; init; }

    /// <summary>Questions whose answer contains every gold answer term / questions with answer terms.</summary>
    [JsonPropertyName("answerTermHit")] public required double? AnswerTermHit { get; init; }

    /// <summary>Answerable questions whose short answer is right (<see cref="ShortAnswerGrade"/>) / answerable questions.</summary>
    [JsonPropertyName("shortAnswerAccuracy")] public double? ShortAnswerAccuracy { get; init; }

    /// <summary>Correct abstentions / abstentions.</summary>
    [JsonPropertyName("abstentionPrecision")] public required double? AbstentionPrecision { get; init; }

    /// <summary>Correct abstentions / unanswerable questions.</summary>
    [JsonPropertyName("abstentionRecall")] public required double? AbstentionRecall { get; init; }

    /// <summary>Retrieval of the gold document, over answerable questions.</summary>
    [JsonPropertyName("documentRetrieval")] public required RetrievalMetrics DocumentRetrieval { get; init; }

    /// <summary>Retrieval of a passage overlapping the gold evidence, over answerable questions, in the order the answer lists the passages.</summary>
    [JsonPropertyName("evidenceRetrieval")] public required RetrievalMetrics EvidenceRetrieval { get; init; }

    /// <summary>The same measure for the fused retrieval list (BM25 + dense), before the answerer ranked the passages.</summary>
    [JsonPropertyName("hybridEvidenceRetrieval")] public required RetrievalMetrics HybridEvidenceRetrieval { get; init; }

    /// <summary>The same measure for the BM25 list alone over the same passages: the baseline the ranking must beat.</summary>
    [JsonPropertyName("lexicalEvidenceRetrieval")] public required RetrievalMetrics LexicalEvidenceRetrieval { get; init; }

    [JsonPropertyName("latencyMs")] public required LatencySummary Latency { get; init; }

    /// <summary>What became of the language model's replies; absent when no model is configured.</summary>
    [JsonPropertyName("modelAnswers")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ModelAnswerCounts? ModelAnswers { get; init; }

    public static EvaluationSummary From(IReadOnlyList<QuestionResult> results)
    {
        var answerable = results.Where(r => r.Gold.Answerable).ToList();
        var unanswerable = results.Count - answerable.Count;
        var abstained = results.Count(r => r.Answer.Abstained);
        var correctAbstentions = results.Count(r => r.Answer.Abstained && !r.Gold.Answerable);
        var withTerms = results.Where(r => r.Gold.AnswerTerms.Count > 0).ToList();
        var citations = results.Sum(r => r.CitationExact.Count);

        return new EvaluationSummary
        {
            Questions = results.Count,
            Answerable = answerable.Count,
            Unanswerable = unanswerable,
            Passed = results.Count(r => r.Passed),
            Citations = citations,
            CitationExactness = Ratio(results.Sum(r => r.CitationExact.Count(e => e)), citations),
            EvidenceRecall = Ratio(answerable.Count(r => r.EvidenceHit == true), answerable.Count),
            AnswerTermHit = Ratio(withTerms.Count(r => r.AnswerTermsHit), withTerms.Count),
            ShortAnswerAccuracy = Ratio(answerable.Count(r => r.ShortAnswer?.Correct == true), answerable.Count),
            AbstentionPrecision = Ratio(correctAbstentions, abstained),
            AbstentionRecall = Ratio(correctAbstentions, unanswerable),
            DocumentRetrieval = RetrievalMetrics.From(answerable.Select(r => r.DocumentRank).ToList()),
            EvidenceRetrieval = RetrievalMetrics.From(answerable.Select(r => r.EvidenceRank).ToList()),
            HybridEvidenceRetrieval = RetrievalMetrics.From(answerable.Select(r => r.HybridEvidenceRank).ToList()),
            LexicalEvidenceRetrieval = RetrievalMetrics.From(answerable.Select(r => r.LexicalEvidenceRank).ToList()),
            Latency = LatencySummary.From(results.Select(r => r.LatencyMs).ToList()),
            ModelAnswers = ModelAnswerCounts.From(results.Select(r => r.Answer.Model)),
        };
    }

    internal static double? Ratio(int numerator, int denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;
}

/// <summary>Recall@k (share of questions with a hit at rank ≤ k) and mean reciprocal rank (0 for a miss).</summary>
public sealed record RetrievalMetrics(
    [property: JsonPropertyName("recallAt")] IReadOnlyDictionary<int, double?> RecallAt,
    [property: JsonPropertyName("mrr")] double? Mrr)
{
    public static RetrievalMetrics From(IReadOnlyList<int?> ranks) => new(
        EvaluationSummary.RecallCutoffs.ToDictionary(k => k, k => EvaluationSummary.Ratio(ranks.Count(r => r <= k), ranks.Count)),
        ranks.Count == 0 ? null : ranks.Sum(r => r is { } rank ? 1.0 / rank : 0) / ranks.Count);
}

/// <summary>Latency percentiles by the nearest-rank method (the smallest value with at least p% of values at or below it).</summary>
public sealed record LatencySummary(
    [property: JsonPropertyName("p50")] double? P50,
    [property: JsonPropertyName("p95")] double? P95,
    [property: JsonPropertyName("p99")] double? P99,
    [property: JsonPropertyName("max")] double? Max)
{
    public static LatencySummary From(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return new(Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Length == 0 ? null : sorted[^1]);
    }

    public static double? Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];
}
