using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>
/// One request's readings of its question, shared by the stages that answer it: the span selection and the short
/// answer both split the message into its questions and read each one, and reading a question (analysing every word)
/// was a tenth of an answer's cost when each stage did it again. Per request, never across requests; not thread-safe,
/// as a request's stages run one after the other.
/// </summary>
public sealed class QuestionReadings
{
    private readonly Dictionary<string, IReadOnlyList<string>> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuestionIntent> _intents = new(StringComparer.Ordinal);

    /// <summary>The questions the message asks (<see cref="QuestionParts.Split"/>), split once.</summary>
    public IReadOnlyList<string> Parts(string message, ArabicTextAnalyzer analyzer)
    {
        if (!_parts.TryGetValue(message, out var parts)) _parts[message] = parts = QuestionParts.Split(message, analyzer);
        return parts;
    }

    /// <summary>How the question reads (<see cref="QuestionIntent.Of"/>), read once.</summary>
    public QuestionIntent Intent(string question, ArabicTextAnalyzer analyzer)
    {
        if (!_intents.TryGetValue(question, out var intent)) _intents[question] = intent = QuestionIntent.Of(question, analyzer);
        return intent;
    }
}
