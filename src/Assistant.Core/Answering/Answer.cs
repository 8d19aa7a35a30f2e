using System.Text.Json.Serialization;

namespace Assistant.Answering;

/// <summary>
/// A citation of an exact document span: <c>Quote == documentText.Substring(Start, End - Start)</c>, always.
/// The answer text refers to it as <c>[Marker]</c>.
/// </summary>
public sealed record Citation(
    [property: JsonPropertyName("marker")] int Marker,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("passageId")] string PassageId);

/// <summary>
/// A retrieved passage as reported in an answer, with its rank in the fused retrieval list and in the lexical (BM25) and
/// dense lists that were fused. The answer lists passages by how well each one answers (<see cref="GeneratedAnswer.PassageRanking"/>).
/// </summary>
public sealed record PassageReference(
    [property: JsonPropertyName("passageId")] string PassageId,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("score")] double Score)
{
    /// <summary>1-based rank in the fused retrieval list, before the answerer ranked the passages by support.</summary>
    [JsonPropertyName("retrievalRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetrievalRank { get; init; }

    /// <summary>1-based rank in the BM25 list alone; null when the back-end does not report it or BM25 did not find the passage.</summary>
    [JsonPropertyName("lexicalRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LexicalRank { get; init; }

    /// <summary>1-based rank in the dense (vector) list alone; null when not reported or not found.</summary>
    [JsonPropertyName("denseRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DenseRank { get; init; }
}

public sealed record AnswerTimings(
    [property: JsonPropertyName("retrievalMs")] double RetrievalMs,
    [property: JsonPropertyName("answerMs")] double AnswerMs);

/// <summary>The Answer contract of docs/architecture.md: what `ask --json` prints and every channel renders.</summary>
public sealed record Answer(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Text,
    [property: JsonPropertyName("abstained")] bool Abstained,
    [property: JsonPropertyName("citations")] IReadOnlyList<Citation> Citations,
    [property: JsonPropertyName("passages")] IReadOnlyList<PassageReference> Passages,
    [property: JsonPropertyName("timings")] AnswerTimings Timings)
{
    /// <summary>The question actually searched when a follow-up was resolved against earlier turns; null otherwise.</summary>
    [JsonPropertyName("standaloneQuestion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StandaloneQuestion { get; init; }

    /// <summary>The few words that answer the question (at most 20), taken from the cited quotes; null on abstention.</summary>
    [JsonPropertyName("shortAnswer")]
    public string? ShortAnswer { get; init; }

    /// <summary>Why the assistant abstained (a stable reason code, see docs); null when it answered.</summary>
    [JsonPropertyName("abstainReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AbstainReason { get; init; }

    /// <summary>
    /// The plain Arabic line that says why, which the abstention's <see cref="Text"/> ends with; null when it answered or
    /// when its reply explains itself. Not a field of the JSON: the answer text carries it.
    /// </summary>
    [JsonIgnore]
    public string? AbstainExplanation { get; init; }

    /// <summary>Which path wrote the answer: "extractive" or "llm".</summary>
    [JsonPropertyName("generator")]
    public string Generator { get; init; } = AnswerGenerators.Extractive;

    /// <summary>How the question was read and why the answer (or abstention) won, when asked for; null otherwise.</summary>
    [JsonPropertyName("explanation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Explanation { get; init; }

    /// <summary>What became of the language model's reply (see docs/llm.md); absent when no model is configured.</summary>
    [JsonPropertyName("model")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Llm.ModelOutcome? Model { get; init; }

    /// <summary>What the abstention gate weighed (the eval report's <c>gateFeatures</c>, which the gate is fitted from); not a field of the answer's JSON.</summary>
    [JsonIgnore]
    public Gate.GateFeatures? GateFeatures { get; init; }
}

/// <summary>A question put to the assistant.</summary>
/// <param name="ConversationId">Follow-ups are resolved against earlier turns of the same conversation; null for a one-off question.</param>
/// <param name="TopK">Passages to retrieve; null for the configured default.</param>
/// <param name="Explain">Whether the answer should carry <see cref="Answer.Explanation"/> (<c>ask --explain</c>).</param>
/// <param name="Measure">Whether the answer should carry what the abstention gate weighs (<see cref="Answer.GateFeatures"/>), as
/// an evaluation run records it; otherwise only when the gate is on or the answer is explained.</param>
public sealed record Question(string Text, string? ConversationId = null, int? TopK = null, bool Explain = false, bool Measure = false);

/// <summary>Answers questions from the indexed documents, with verified citations. Used by every host.</summary>
public interface IAnswerService
{
    /// <exception cref="InvalidQuestionException">The question is empty or too long.</exception>
    Task<Answer> AskAsync(Question question, CancellationToken cancellationToken);
}

/// <summary>A question that cannot be asked as given; the message is for the user (Arabic).</summary>
public sealed class InvalidQuestionException(string message) : Exception(message);
