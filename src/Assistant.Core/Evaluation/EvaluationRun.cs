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
    DateTimeOffset StartedAt);

/// <param name="TopK">Passages to ask for; ranks beyond it count as misses, so recall@10 needs at least 10.</param>
/// <param name="WarmUp">Ask the first question once before measuring, so start-up cost (JIT, index load) does not count as latency.</param>
public sealed record EvaluationSettings(int TopK = 10, bool WarmUp = true);
