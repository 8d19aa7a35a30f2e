namespace Assistant.Answering;

/// <summary>
/// Why an answer is an abstention: stable codes carried in <see cref="Answer.AbstainReason"/>, the eval report and
/// the logs. An answer generator may add a more specific code of its own (a named check that vetoed the best span).
/// </summary>
public static class AbstainReasons
{
    /// <summary>Retrieval found no passage sharing a content word with the question.</summary>
    public const string NoPassages = "no-passages";

    /// <summary>The best span's evidence for the question is below <c>Answering:MinEvidence</c>.</summary>
    public const string BelowEvidence = "below-evidence";

    /// <summary>The generator answered without any citation.</summary>
    public const string NoCitations = "no-citations";

    /// <summary>A citation did not match its document exactly.</summary>
    public const string CitationUnverified = "citation-unverified";

    /// <summary>The language model said the passages do not answer the question.</summary>
    public const string ModelRefused = "model-refused";

    /// <summary>A generator abstained without saying why.</summary>
    public const string Unspecified = "unspecified";
}
