using Assistant.Analysis;
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
/// <param name="Explain">Whether the generator should say how it decided (<see cref="GeneratedAnswer.Explanation"/>).</param>
public sealed record AnswerRequest(string Question, IReadOnlyList<string> QuestionTerms, IReadOnlyList<ScoredPassage> Passages, TermStatistics Statistics, bool Explain = false)
{
    /// <summary>The question's parts and readings, shared by the stages that answer this request (a copy made with
    /// <c>with</c> shares them too).</summary>
    public QuestionReadings Readings { get; init; } = new();

    /// <summary>
    /// Terms a resolved follow-up carries only because it inherited them from the turns before it (what the conversation
    /// was about); they weigh less than the follow-up's own words, which say what is asked now. Null for a question read
    /// on its own.
    /// </summary>
    public IReadOnlySet<string>? InheritedTerms { get; init; }

    /// <summary>For a resolved follow-up, the document the previous answer quoted first (a follow-up is most often about it); null otherwise.</summary>
    public string? PreviousDocument { get; init; }

    /// <summary>Whether the answer should carry the abstention gate's features though the gate is off and nothing is explained (<see cref="Question.Measure"/>).</summary>
    public bool Measure { get; init; }

    /// <summary>What the user asked, when a follow-up («وفي أي مدينة؟») was resolved into <see cref="Question"/> with the
    /// earlier question after it; null when the question is the user's own. The short answer answers what was asked.</summary>
    public string? Asked { get; init; }

    /// <summary>For a resolved follow-up, what the turn before it asked (its own words); null otherwise. A follow-up that asks
    /// nothing of its own («والاجتماع التحضيري الذي يسبقه؟» after «متى سيُعقد المؤتمر؟») asks for the same kind of answer.</summary>
    public string? EarlierAsked { get; init; }

    /// <summary>
    /// How <see cref="Question"/> reads. A follow-up asks about publishing only when its own words do: «والاجتماع نفسه
    /// اتعمل امتى؟» after «البيان اتنشر امتى؟» asks when the meeting was held, not when the statement came out. Nor
    /// does it name a source by a word it only inherited: read after the follow-up, the earlier question's words lose
    /// their order («ومتى … قال يبداو…», «… تيلرسون قال لازم يسير…»), and whose words they were is settled by the
    /// answer that quoted them.
    /// </summary>
    public QuestionIntent Intent(ArabicTextAnalyzer analyzer)
    {
        var intent = Readings.Intent(Question, analyzer);
        if (Asked is null) return intent;
        var words = InheritedTerms is { } inherited && intent.ContentWords.Any(w => w.IsSource && w.Terms.All(inherited.Contains))
            ? intent.ContentWords.Select(w => w.IsSource && w.Terms.All(inherited.Contains) ? w with { IsSource = false } : w).ToList()
            : intent.ContentWords;
        return intent with { AsksPublication = Readings.Intent(Asked, analyzer).AsksPublication, ContentWords = words };
    }
}

/// <summary>Answer text with [n] markers and the citations they refer to (markers 1..n, all used).</summary>
public sealed record GeneratedAnswer(string Text, bool Abstained, IReadOnlyList<Citation> Citations)
{
    /// <summary>The few words that answer the question, every one taken from a cited quote; null on abstention.</summary>
    public string? ShortAnswer { get; init; }

    /// <summary>The markers of the quotes the short answer was cut from, in the order of its parts; empty without one.</summary>
    public IReadOnlyList<int> ShortAnswerSources { get; init; } = [];

    /// <summary>Why the generator abstained (a stable reason code); null when it answered.</summary>
    public string? AbstainReason { get; init; }

    /// <summary>The plain Arabic line the abstention's text ends with (<see cref="AbstentionExplanations"/>); null when it answered.</summary>
    public string? AbstainExplanation { get; init; }

    /// <summary>Which path wrote the answer: <see cref="AnswerGenerators.Extractive"/> or <see cref="AnswerGenerators.Llm"/>.</summary>
    public string Generator { get; init; } = AnswerGenerators.Extractive;

    /// <summary>How the generator decided, line by line, when the request asked for it; null otherwise.</summary>
    public IReadOnlyList<string>? Explanation { get; init; }

    /// <summary>What became of the language model's reply (accepted, rejected and why, refused…); null when no model is configured.</summary>
    public Llm.ModelOutcome? Model { get; init; }

    /// <summary>
    /// The request's passages (indices into <see cref="AnswerRequest.Passages"/>), best first by how well each one's
    /// best span answers the question, every passage once; null when the generator does not rank them (the
    /// retrieval order stands).
    /// </summary>
    public IReadOnlyList<int>? PassageRanking { get; init; }

    /// <summary>What the abstention gate weighed of the span chosen to answer (also when it abstained on it); null when no span was chosen or the question had several parts.</summary>
    public Gate.GateFeatures? GateFeatures { get; init; }
}

/// <summary>The values of <see cref="Answer.Generator"/>.</summary>
public static class AnswerGenerators
{
    public const string Extractive = "extractive";
    public const string Llm = "llm";
}
