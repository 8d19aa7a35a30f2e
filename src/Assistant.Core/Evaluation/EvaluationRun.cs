namespace Assistant.Evaluation;

/// <summary>The outcome of evaluating a gold set.</summary>
/// <param name="Problems">Gold lines and questions left out, with why (line number and question id).</param>
/// <param name="Documents">documentId → exact text of every gold or cited document, for the report.</param>
/// <param name="TopK">Passages asked for per question: retrieval ranks up to this are known.</param>
public sealed record EvaluationRun(
    EvaluationSummary Summary,
    IReadOnlyList<QuestionResult> Results,
    IReadOnlyList<GoldProblem> Problems,
    IReadOnlyDictionary<string, string> Documents,
    int TopK,
    DateTimeOffset StartedAt)
{
    /// <summary>The summary of each family of questions («levantine», «numbered» …), for gold files that name them.</summary>
    public IReadOnlyDictionary<string, EvaluationSummary> ByFamily() => Results
        .Where(r => r.Gold.Family is not null)
        .GroupBy(r => r.Gold.Family!, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => EvaluationSummary.From(g.ToList()), StringComparer.Ordinal);
}

/// <param name="TopK">Passages to ask for; ranks beyond it count as misses, so recall@10 needs at least 10.</param>
/// <param name="WarmUp">Ask the first question once before measuring, so start-up cost (JIT, index load) does not count as latency.</param>
public sealed record EvaluationSettings(int TopK = 10, bool WarmUp = true);
