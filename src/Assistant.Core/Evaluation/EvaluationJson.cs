using System.Text.Json;

namespace Assistant.Evaluation;

/// <summary>The one machine-readable object of <c>eval --json</c>: summary, per-question results, gold problems.</summary>
public static class EvaluationJson
{
    public static string Serialize(EvaluationRun run, IReadOnlyList<string> thresholdFailures) =>
        JsonSerializer.Serialize(
            new
            {
                startedAt = run.StartedAt,
                topK = run.TopK,
                summary = run.Summary,
                families = run.ByFamily(),
                thresholdFailures,
                problems = run.Problems.Select(p => new { line = p.LineNumber, id = p.QuestionId, message = p.Message }),
                questions = run.Results.Select(r => new
                {
                    id = r.Gold.Id,
                    question = r.Gold.Question,
                    doc = r.Gold.DocumentId,
                    family = r.Gold.Family,
                    passed = r.Passed,
                    failures = r.Failures,
                    abstained = r.Answer.Abstained,
                    abstainReason = r.Answer.AbstainReason,
                    answer = r.Answer.Text,
                    shortAnswer = r.Answer.ShortAnswer,
                    shortAnswerCorrect = r.ShortAnswer?.Correct,
                    shortAnswerProblems = r.ShortAnswer?.Problems,
                    citations = r.Answer.Citations.Select((c, i) => new
                    {
                        c.Marker, c.DocumentId, c.Start, c.End, c.Quote, exact = r.CitationExact[i],
                    }),
                    evidenceHit = r.EvidenceHit,
                    answerTermsFound = r.AnswerTermsFound,
                    answerTermsMissing = r.Gold.AnswerTerms.Except(r.AnswerTermsFound),
                    documentRank = r.DocumentRank,
                    evidenceRank = r.EvidenceRank,
                    hybridEvidenceRank = r.HybridEvidenceRank,
                    lexicalEvidenceRank = r.LexicalEvidenceRank,
                    latencyMs = r.LatencyMs,
                    gateFeatures = r.Answer.GateFeatures?.ByName(),
                }),
            },
            ReadableJson.Options);
}
