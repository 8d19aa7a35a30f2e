namespace Assistant.Answering.Gate;

/// <summary>
/// What the offline answerer knows of the span it is about to quote, as numbers for the abstention gate
/// (<see cref="AbstentionGate"/>): how much of the question the span says and how, what kind of answer is asked, and how far
/// the best span stands above the next one; nothing of how the index back-end ranked or scored the passages. <see cref="Names"/> fixes
/// their order, which the gate's model file must repeat.
/// </summary>
public sealed record GateFeatures
{
    public GateFeatures(IReadOnlyList<double> values)
    {
        if (values.Count != Names.Count) throw new ArgumentException($"The gate weighs {Names.Count} features, not {values.Count}.", nameof(values));
        Values = values;
    }

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The features in order; a model file lists the same names in the same order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        // The span's figures, as ask --explain prints them.
        "evidence", "words", "evidenceAboveMinimum", "spanScore", "kindFound", "kindMissing", "spanSentences", "citations",
        // The question.
        "kindRequired", "kindTime", "kindQuantity", "kindPlace", "kindIdentity", "kindReason", "kindOutcome",
        "asksNextOrEarlier", "followUp", "contentWords", "unknownWords", "hasRelation", "hasSource", "placeShare",
        // How the span says the question's words.
        "missingWords", "missingWeight", "heaviestMissing", "rarestSaid", "rootOnlyWeight", "relationSaid", "subjectMissing", "numberMissing",
        "saidDensity", "spanWords",
        // The competition among the retrieved passages' spans.
        "supportingPassages", "runnerUpEvidence", "spanScoreMargin",
        // The action the question asks about (QuestionWord.IsAskedAction), and whether the span says it.
        "actionAsked", "actionSaid",
    ];

    /// <summary>The value of the feature named <paramref name="name"/>.</summary>
    public double this[string name] => Values[IndexOf(name)];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++) if (Names[i] == name) return i;
        throw new ArgumentException($"No gate feature is named '{name}'.", nameof(name));
    }

    /// <summary>The features by name, for the eval report.</summary>
    public IReadOnlyDictionary<string, double> ByName() => Names.Select((n, i) => (n, Values[i])).ToDictionary(p => p.n, p => Math.Round(p.Item2, 4));
}
