using System.Text.Json.Serialization;
using Assistant.Answering;

namespace Assistant.Evaluation;

/// <summary>How one gold question fared: the answer as given and every per-question metric.</summary>
public sealed record QuestionResult
{
    public required GoldQuestion Gold { get; init; }

    /// <summary>Where each gold evidence quote sits in the gold document.</summary>
    public required IReadOnlyList<TextSpan> EvidenceSpans { get; init; }

    public required Answer Answer { get; init; }

    public required double LatencyMs { get; init; }

    /// <summary>Per citation (in answer order): its quote equals the document slice it points at.</summary>
    public required IReadOnlyList<bool> CitationExact { get; init; }

    /// <summary>A citation overlaps a gold evidence span; null for a question without an answer in the corpus.</summary>
    public required bool? EvidenceHit { get; init; }

    /// <summary>Gold answer terms found in the answer text (normalised matching).</summary>
    public required IReadOnlyList<string> AnswerTermsFound { get; init; }

    /// <summary>1-based rank of the first retrieved passage from the gold document; null when none was retrieved.</summary>
    public required int? DocumentRank { get; init; }

    /// <summary>1-based rank of the first retrieved passage overlapping a gold evidence span; null when none was retrieved.</summary>
    public required int? EvidenceRank { get; init; }

    /// <summary>1-based rank of the first evidence passage in the fused retrieval list, before the answerer's ranking; null when none.</summary>
    public int? HybridEvidenceRank { get; init; }

    /// <summary>1-based rank of the first evidence passage in the BM25 list alone (the baseline the hybrid is compared with); null when none.</summary>
    public int? LexicalEvidenceRank { get; init; }

    /// <summary>Whether the short answer is right (see <see cref="ShortAnswerGrade"/>); null for a question the corpus does not answer.</summary>
    public ShortAnswerGrade? ShortAnswer { get; init; }

    /// <summary>Why the question failed, in English for the report; empty when it passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    public bool Passed => Failures.Count == 0;

    [JsonIgnore]
    public bool AnswerTermsHit => AnswerTermsFound.Count == Gold.AnswerTerms.Count;
}
