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
    GeneratedAnswer Lead(GeneratedAnswer answer, string question, QuestionIntent intent);
}
