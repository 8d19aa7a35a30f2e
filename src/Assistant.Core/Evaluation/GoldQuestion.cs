namespace Assistant.Evaluation;

/// <summary>One line of a gold file: a question and what a correct answer must show.</summary>
/// <param name="LineNumber">1-based line in the gold file, for messages.</param>
/// <param name="DocumentId">The document that answers the question; null when the corpus has no answer.</param>
/// <param name="Evidence">Verbatim quotes from <paramref name="DocumentId"/> that support the answer.</param>
/// <param name="AnswerTerms">Terms a correct answer contains (compared in normalised form).</param>
public sealed record GoldQuestion(
    int LineNumber,
    string Id,
    string Question,
    string? DocumentId,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> AnswerTerms)
{
    public bool Answerable => DocumentId is not null;

    /// <summary>The kind of phrasing the question stands for (e.g. "levantine", "numbered"), for per-family figures; optional.</summary>
    public string? Family { get; init; }

    /// <summary>The conversation this turn belongs to; turns of one conversation are asked in order, as one chat.</summary>
    public string? ConversationId { get; init; }

    /// <summary>A turn asked only to set up its conversation: answered, never scored.</summary>
    public bool ContextOnly { get; init; }
}

/// <summary>A gold line or question that cannot be evaluated; it is reported and left out.</summary>
public sealed record GoldProblem(int LineNumber, string? QuestionId, string Message)
{
    public override string ToString() =>
        QuestionId is null ? $"line {LineNumber}: {Message}" : $"line {LineNumber}, question {QuestionId}: {Message}";
}

/// <summary>The questions read from a gold file and the lines that were skipped.</summary>
public sealed record GoldSet(IReadOnlyList<GoldQuestion> Questions, IReadOnlyList<GoldProblem> Problems);

/// <summary>A half-open span [Start, End) of UTF-16 offsets into a document text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public bool Overlaps(int start, int end) => start < End && Start < end;
}
