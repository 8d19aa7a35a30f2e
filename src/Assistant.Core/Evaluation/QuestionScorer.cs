using Assistant.Answering;

namespace Assistant.Evaluation;

/// <summary>Scores one answer against its gold question. Pure: everything it needs is passed in.</summary>
/// <param name="normalize">The matching form of Arabic text (the core analyser's <c>Normalize</c>), so that
/// answer terms match whatever the spelling of hamza, ta marbuta or diacritics.</param>
public sealed class QuestionScorer(Func<string, string> normalize)
{
    public QuestionResult Score(
        GoldQuestion gold,
        IReadOnlyList<TextSpan> evidenceSpans,
        Answer answer,
        double latencyMs,
        Func<string, string?> documentText)
    {
        var exact = answer.Citations.Select(c => IsExact(c, documentText(c.DocumentId))).ToList();
        bool? evidenceHit = gold.Answerable
            ? answer.Citations.Any(c => c.DocumentId == gold.DocumentId && evidenceSpans.Any(s => s.Overlaps(c.Start, c.End)))
            : null;

        var normalizedAnswer = normalize(answer.Text);
        var termsFound = gold.AnswerTerms.Where(t => normalizedAnswer.Contains(normalize(t), StringComparison.Ordinal)).ToList();

        var documentRank = RankOf(answer.Passages, p => p.DocumentId == gold.DocumentId);
        bool IsEvidence(PassageReference p) => p.DocumentId == gold.DocumentId && evidenceSpans.Any(s => s.Overlaps(p.Start, p.End));
        var evidenceRank = RankOf(answer.Passages, IsEvidence);
        // The fused retrieval order and the BM25 baseline over the same passages: the best rank among the evidence passages.
        var hybridRank = answer.Passages.Where(IsEvidence).Min(p => p.RetrievalRank);
        var lexicalRank = answer.Passages.Where(IsEvidence).Min(p => p.LexicalRank);

        return new QuestionResult
        {
            Gold = gold,
            EvidenceSpans = evidenceSpans,
            Answer = answer,
            LatencyMs = latencyMs,
            CitationExact = exact,
            EvidenceHit = evidenceHit,
            AnswerTermsFound = termsFound,
            DocumentRank = gold.Answerable ? documentRank : null,
            EvidenceRank = gold.Answerable ? evidenceRank : null,
            HybridEvidenceRank = gold.Answerable ? hybridRank : null,
            LexicalEvidenceRank = gold.Answerable ? lexicalRank : null,
            ShortAnswer = ShortAnswerGrade.Of(gold, answer, normalize),
            Failures = Failures(gold, answer, exact, evidenceHit, termsFound),
        };
    }

    private static bool IsExact(Citation citation, string? text) =>
        text is not null
        && citation.Start >= 0 && citation.Start <= citation.End && citation.End <= text.Length
        && text.AsSpan(citation.Start, citation.End - citation.Start).SequenceEqual(citation.Quote);

    private static int? RankOf(IReadOnlyList<PassageReference> passages, Func<PassageReference, bool> match)
    {
        for (var i = 0; i < passages.Count; i++)
        {
            if (match(passages[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static List<string> Failures(GoldQuestion gold, Answer answer, List<bool> exact, bool? evidenceHit, List<string> termsFound)
    {
        var failures = new List<string>();
        for (var i = 0; i < exact.Count; i++)
        {
            if (!exact[i])
            {
                failures.Add($"الاستشهاد [{answer.Citations[i].Marker}] لا يطابق نص وثيقته حرفًا بحرف");
            }
        }

        if (!gold.Answerable)
        {
            if (!answer.Abstained)
            {
                failures.Add("أجاب عن سؤال لا تجيب عنه الوثائق");
            }

            return failures;
        }

        if (answer.Abstained)
        {
            failures.Add("امتنع عن سؤال تجيب عنه الوثائق");
        }
        else if (evidenceHit != true)
        {
            failures.Add("لا يتقاطع أي استشهاد مع الدليل المرجعي");
        }

        var missing = gold.AnswerTerms.Except(termsFound).ToList();
        if (missing.Count > 0)
        {
            failures.Add("لا تذكر الإجابة: " + string.Join("، ", missing));
        }

        return failures;
    }
}
