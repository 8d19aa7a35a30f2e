using Assistant.Storage;

namespace Assistant.Answering;

/// <summary>Turns retrieved passages into an answer whose every statement carries a verified citation.</summary>
public interface IAnswerGenerator
{
    Task<GeneratedAnswer> GenerateAsync(AnswerRequest request, CancellationToken cancellationToken);
}

/// <param name="Question">The standalone question (follow-ups already resolved).</param>
/// <param name="Passages">Retrieved passages, best first; marker n in an LLM prompt means Passages[n-1].</param>
/// <param name="Statistics">Corpus statistics of the question's analysed terms (rarity weights).</param>
public sealed record AnswerRequest(string Question, IReadOnlyList<string> QuestionTerms, IReadOnlyList<ScoredPassage> Passages, TermStatistics Statistics);

/// <summary>Answer text with [n] markers and the citations they refer to (markers 1..n, all used).</summary>
public sealed record GeneratedAnswer(string Text, bool Abstained, IReadOnlyList<Citation> Citations);
