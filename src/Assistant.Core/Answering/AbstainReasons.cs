namespace Assistant.Answering;

/// <summary>
/// Why an answer is an abstention: stable codes carried in <see cref="Answer.AbstainReason"/>, the eval report and
/// the logs. An answer generator may add a more specific code of its own (a named check that vetoed the best span).
/// </summary>
public static class AbstainReasons
{
    /// <summary>The message asks nothing: it is only a greeting, thanks or politeness («مرحبا»، «شكراً»).</summary>
    public const string NoQuestion = "no-question";

    /// <summary>The message is in Latin letters and not Arabizi («Where did Trump and Putin meet?»): questions are answered in Arabic.</summary>
    public const string NotArabic = "not-arabic";

    /// <summary>The question names no subject («ومتى؟») and opens the conversation, so there is nothing it can refer back to: the asker is asked what they mean.</summary>
    public const string SubjectUnknown = "subject-unknown";

    /// <summary>Retrieval found no passage sharing a content word with the question.</summary>
    public const string NoPassages = "no-passages";

    /// <summary>The best span's evidence for the question is below <c>Answering:MinEvidence</c>.</summary>
    public const string BelowEvidence = "below-evidence";

    /// <summary>The closest span lacks what the interrogative asks for (a date for متى, a number for كم, the described person for من هو).</summary>
    public const string AnswerKindMissing = "answer-kind-missing";

    /// <summary>The closest span is someone else's words or another event's outcome: it does not name the source the question names.</summary>
    public const string SourceNotNamed = "source-not-named";

    /// <summary>The question names a statement («بيان تيلرسون») that another retrieved document is titled with.</summary>
    public const string AnotherStatement = "another-statement";

    /// <summary>The closest span does not say the relation the question asks about («من ترأس…» against a sentence that names no one heading anything).</summary>
    public const string RelationMissing = "relation-missing";

    /// <summary>The closest span shares only one of the question's several subject words: coincidence, not evidence.</summary>
    public const string OneSubjectWord = "one-subject-word";

    /// <summary>The closest span shares only the places the question names («إيران», «أستانا»), none of what it asks about them.</summary>
    public const string PlacesOnly = "places-only";

    /// <summary>The closest span has two of the question's subject words, but far apart or in different sentences.</summary>
    public const string WordsFarApart = "words-far-apart";

    /// <summary>The question names a number («الجولة 8»، «القرار 2254») that the closest span lacks.</summary>
    public const string NumberMissing = "number-missing";

    /// <summary>The learned abstention gate judged the span the checks let through likely to answer a question the documents do not answer (<see cref="Gate.AbstentionGate"/>).</summary>
    public const string GateDoubt = "gate-doubt";

    /// <summary>The generator answered without any citation.</summary>
    public const string NoCitations = "no-citations";

    /// <summary>A citation did not match its document exactly.</summary>
    public const string CitationUnverified = "citation-unverified";

    /// <summary>The language model said the passages do not answer the question.</summary>
    public const string ModelRefused = "model-refused";

    /// <summary>A generator abstained without saying why.</summary>
    public const string Unspecified = "unspecified";
}
