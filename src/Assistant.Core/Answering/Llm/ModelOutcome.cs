using System.Text.Json.Serialization;

namespace Assistant.Answering.Llm;

/// <summary>
/// What became of the language model's reply in one turn: the answer's <c>model</c> field (absent without a model),
/// what <c>ask --explain</c> prints and what the evaluation counts.
/// </summary>
/// <param name="Status">One of <see cref="ModelStatuses"/>.</param>
/// <param name="Rejections">Why a rejected reply was not shown: each failing part of each claim; empty otherwise.</param>
/// <param name="Detail">A line for people: the error, the budget spent, the fallback taken.</param>
public sealed record ModelOutcome(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("rejections")] IReadOnlyList<ClaimRejection> Rejections,
    [property: JsonPropertyName("detail")] string? Detail = null)
{
    public static ModelOutcome Of(string status, string? detail = null) => new(status, [], detail);

    /// <summary>For <c>ask --explain</c>: the status, then one line per rejection.</summary>
    public IReadOnlyList<string> Lines() =>
        [$"model: {Status}{(Detail is null ? "" : $" ({Detail})")}", .. Rejections.Select(r => $"model rejected: {r}")];

    /// <summary>One line, for the log.</summary>
    public override string ToString() =>
        Rejections.Count == 0
            ? $"{Status}{(Detail is null ? "" : $": {Detail}")}"
            : $"{Status}: {string.Join("; ", Rejections)}";
}

/// <summary>A part of the model's reply that failed verification.</summary>
/// <param name="Reason">One of <see cref="RejectionReasons"/>.</param>
/// <param name="Part">The failing words as the model wrote them (a number, a name, a negated word…).</param>
/// <param name="Claim">The statement they belong to.</param>
/// <param name="Marker">The passage number the model cited, if any.</param>
/// <param name="Detail">What the cited passage says instead (English).</param>
public sealed record ClaimRejection(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("part")] string Part,
    [property: JsonPropertyName("claim")] string Claim,
    [property: JsonPropertyName("marker")] int? Marker,
    [property: JsonPropertyName("detail")] string Detail)
{
    public override string ToString() =>
        $"{Reason} «{Part}» in «{Claim}»{(Marker is { } m ? $" [{m}]" : "")}: {Detail}";
}

/// <summary>The values of <see cref="ModelOutcome.Status"/>.</summary>
public static class ModelStatuses
{
    /// <summary>Every claim verified: the model's answer is shown (generator "llm").</summary>
    public const string Accepted = "accepted";

    /// <summary>A claim failed verification: the extractive answer is shown.</summary>
    public const string Rejected = "rejected";

    /// <summary>The model said the passages do not answer: an abstention, unless the extractive answer passes the stricter threshold.</summary>
    public const string Refused = "refused";

    /// <summary>The model call failed (an error after retries): the extractive answer is shown.</summary>
    public const string Failed = "failed";

    /// <summary>The turn's time budget ran out before the model answered: the extractive answer is shown.</summary>
    public const string TimedOut = "timed-out";

    /// <summary>The model failed recently and is not asked until the break ends: the extractive answer is shown.</summary>
    public const string CircuitOpen = "circuit-open";

    /// <summary>The evidence was too weak to ask the model: an abstention.</summary>
    public const string NotAsked = "not-asked";
}

/// <summary>Why a claim of the model was rejected: stable codes in <see cref="ClaimRejection.Reason"/>, the log and the eval report.</summary>
public static class RejectionReasons
{
    /// <summary>A number or quantity the cited span does not hold («ثلاث ساعات» for «ساعة ونصف»).</summary>
    public const string Number = "number";

    /// <summary>A day, month, year or weekday the cited span does not hold.</summary>
    public const string Date = "date";

    /// <summary>A person, place, organisation or title the cited span does not name.</summary>
    public const string Name = "name";

    /// <summary>The claim affirms what the span negates, or negates what it affirms («يوجد» for «لا يوجد»).</summary>
    public const string Negation = "negation";

    /// <summary>The claim's change goes the other way («خفض» for «زيادة»).</summary>
    public const string Direction = "direction";

    /// <summary>Another word of the claim is neither in the span nor a paraphrase of one of its words.</summary>
    public const string UnsupportedWord = "unsupported-word";

    /// <summary>The claim only repeats the question's words.</summary>
    public const string RestatesQuestion = "restates-question";

    /// <summary>A «quotation» that is in none of the cited passages.</summary>
    public const string InventedQuote = "invented-quote";

    /// <summary>A marker that names no passage of the prompt.</summary>
    public const string UnknownMarker = "unknown-marker";

    /// <summary>A statement without a marker.</summary>
    public const string Uncited = "uncited";

    /// <summary>The reply says nothing.</summary>
    public const string Empty = "empty";

    /// <summary>A citation that does not match its document (never expected: the spans are taken from the passages).</summary>
    public const string CitationMismatch = "citation-mismatch";
}
