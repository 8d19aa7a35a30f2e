namespace Assistant.Answering.ShortAnswers;

/// <summary>
/// Puts the answer first: cuts the few words that answer the question out of an answer's cited quotes and opens the
/// answer text with them, before the supporting quotes.
/// </summary>
public interface IShortAnswerWriter
{
    /// <summary>
    /// The answer with <see cref="GeneratedAnswer.ShortAnswer"/> set and its text opening with it (followed by the
    /// markers of the quotes it was cut from); an abstention is returned unchanged.
    /// </summary>
    /// <param name="request">The question and the passages retrieved for it (how common a word is among them tells a name from a common word).</param>
    /// <param name="unansweredParts">Which parts of a message that asks several things (<see cref="QuestionParts"/>, 0-based)
    /// no quote answers: they get no part of the short answer.</param>
    /// <param name="partQuotes">Per part of such a message, the markers of the quotes cited for it, best first: its part of
    /// the short answer is cut from them before the others.</param>
    GeneratedAnswer Lead(GeneratedAnswer answer, AnswerRequest request, IReadOnlyCollection<int>? unansweredParts = null, IReadOnlyList<IReadOnlyList<int>>? partQuotes = null);
}
