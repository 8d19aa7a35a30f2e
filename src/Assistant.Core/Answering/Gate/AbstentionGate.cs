using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Configuration;
using Microsoft.Extensions.Options;

namespace Assistant.Answering.Gate;

/// <summary>
/// The learned abstention gate: boosted trees over <see cref="GateFeatures"/>, fitted with ML.NET (FastTree) on the gold sets
/// (tools/Assistant.GateTrainer, docs/evaluation.md#the-abstention-gate) and shipped as <c>abstention-gate.json</c>, that
/// gives the probability that a span the checks let through answers a question the documents do not answer. The
/// answerer abstains (<see cref="AbstainReasons.GateDoubt"/>) only at or above the model's threshold, chosen on held-out
/// sets so that it turns away more unanswerable questions than it loses evidence, or at or above the lower
/// <see cref="AbstentionGateOptions.UnsaidThreshold"/> for a span that leaves unsaid what the question asks.
/// </summary>
public sealed class AbstentionGate
{
    /// <summary>The model file, embedded in the assembly.</summary>
    public const string ResourceName = "Assistant.Answering.Gate.abstention-gate.json";

    private readonly GateModel _model;
    private readonly double _threshold;
    private readonly double _unsaidThreshold;

    public AbstentionGate(IOptions<AbstentionGateOptions> options) : this(Shipped(), options.Value)
    {
    }

    /// <summary>A gate over another model than the shipped one (tests).</summary>
    internal AbstentionGate(GateModel model, AbstentionGateOptions options)
    {
        _model = model;
        Enabled = options.Enabled;
        _threshold = options.Threshold ?? model.Threshold;
        _unsaidThreshold = Math.Min(_threshold, options.UnsaidThreshold);
    }

    /// <summary>The model shipped in the assembly, read and checked.</summary>
    /// <exception cref="InvalidDataException">It is missing, or not a model for this build's features.</exception>
    public static GateModel Shipped()
    {
        using var stream = typeof(AbstentionGate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The abstention gate's model ({ResourceName}) is not in the assembly.");
        return GateModel.Read(stream);
    }

    /// <summary>Whether the gate may turn an answer into an abstention (<c>Answering:Gate:Enabled</c>).</summary>
    public bool Enabled { get; }

    /// <summary>The probability at or above which the answerer abstains.</summary>
    public double Threshold => _threshold;

    /// <summary>The probability that <paramref name="features"/> describe an answer that should have been an abstention.</summary>
    public double Doubt(GateFeatures features) => _model.Probability(features.Values);

    /// <summary>Whether to abstain rather than quote the span <paramref name="features"/> describe.</summary>
    public bool Abstains(GateFeatures features) => Enabled && Doubt(features) >= ThresholdFor(features);

    /// <summary>
    /// The threshold a span faces: <see cref="AbstentionGateOptions.UnsaidThreshold"/> when it leaves unsaid what the
    /// question asks (<see cref="LeavesAskedUnsaid"/>), the model's otherwise.
    /// </summary>
    public double ThresholdFor(GateFeatures features) => LeavesAskedUnsaid(features) ? _unsaidThreshold : _threshold;

    /// <summary>
    /// Whether the span leaves unsaid what the question asks: the action after its interrogative («على ماذا اتفق…»
    /// against «تحدثنا عن كوريا الشمالية»), the reason a «لماذا» asks for, or the rarest of its words, the one that
    /// names most closely what it is about.
    /// </summary>
    public static bool LeavesAskedUnsaid(GateFeatures features) =>
        (features["actionAsked"] > 0 && features["actionSaid"] == 0) || (features["kindReason"] > 0 && features["kindFound"] == 0)
        || features["rarestSaid"] == 0;

    /// <summary>For <c>ask --explain</c>: the probability against the threshold, and the features that pushed it most.</summary>
    public string Explain(GateFeatures features)
    {
        var doubt = Doubt(features);
        var threshold = ThresholdFor(features);
        var pushes = _model.Contributions(features.Values).OrderByDescending(c => Math.Abs(c.Value)).Take(ExplainedFeatures)
            .Select(c => $"{c.Key} {features[c.Key]:0.##} ({c.Value:+0.00;-0.00})");
        var verdict = !Enabled ? "gate off" : doubt >= threshold ? $"abstains ({AbstainReasons.GateDoubt})" : "answers";
        var unsaid = LeavesAskedUnsaid(features) ? " (the span does not say what is asked)" : "";
        return $"abstention gate: p(should abstain) {doubt:F2}, threshold {threshold:F2}{unsaid}: {verdict}; most weight: {string.Join(", ", pushes)}";
    }

    private const int ExplainedFeatures = 4;
}

/// <summary>
/// The fitted model as the trainer writes it: boosted regression trees over the features (in <see cref="GateFeatures.Names"/>
/// order), whose summed leaf values, plus the bias, give the log-odds that Platt's calibration (slope and offset) turns
/// into a probability; and the threshold chosen by cross-validation.
/// </summary>
public sealed record GateModel(
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("trees")] GateTree[] Trees,
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("slope")] double Slope,
    [property: JsonPropertyName("offset")] double Offset,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("fittedOn")] IReadOnlyList<string> FittedOn)
{
    /// <summary>Reads and checks a model file: the features of this build, in order, well-formed trees, finite numbers, a threshold in (0, 1).</summary>
    /// <exception cref="InvalidDataException">The file is not a model for this build's features.</exception>
    public static GateModel Read(Stream stream)
    {
        GateModel? model;
        try
        {
            model = JsonSerializer.Deserialize<GateModel>(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The abstention gate's model is not valid JSON: {e.Message}", e);
        }
        if (model is null) throw new InvalidDataException("The abstention gate's model is empty.");
        model.Check();
        return model;
    }

    private void Check()
    {
        if (Features is null || !Features.SequenceEqual(GateFeatures.Names))
            throw new InvalidDataException($"The abstention gate's model lists other features than this build computes ({string.Join(", ", GateFeatures.Names)}): train it again.");
        if (Trees is null) throw new InvalidDataException("The abstention gate's model has no list of trees.");
        if (!double.IsFinite(Bias) || !double.IsFinite(Slope) || !double.IsFinite(Offset))
            throw new InvalidDataException("The abstention gate's model holds a bias, slope or offset that is not finite.");
        for (var t = 0; t < Trees.Length; t++)
        {
            var problem = Trees[t] is { } tree ? tree.Problem(Features.Count) : "is missing";
            if (problem is not null) throw new InvalidDataException($"The abstention gate's tree {t} {problem}.");
        }
        if (!(Threshold is > 0 and < 1)) throw new InvalidDataException("The abstention gate's threshold must be between 0 and 1.");
    }

    public double Probability(IReadOnlyList<double> values)
    {
        // Walked over a span, not through the list's interface: every answer walks the hundred trees.
        ReadOnlySpan<double> x = values as double[] ?? [.. values];
        var z = Bias;
        foreach (var tree in Trees) z += tree.LeafValues[tree.Leaf(x)];
        return 1 / (1 + Math.Exp(Slope * z + Offset));
    }

    /// <summary>
    /// Each feature's share of the log-odds (positive: towards abstaining): each tree's leaf value, shared equally by the
    /// features split on along the path to it.
    /// </summary>
    public IEnumerable<KeyValuePair<string, double>> Contributions(IReadOnlyList<double> values)
    {
        var shares = new double[Features.Count];
        var path = new List<int>();
        ReadOnlySpan<double> x = values as double[] ?? [.. values];
        foreach (var tree in Trees)
        {
            path.Clear();
            var value = tree.LeafValues[tree.Leaf(x, path)];
            foreach (var feature in path) shares[feature] += -Slope * value / path.Count;
        }
        return Features.Select((name, i) => KeyValuePair.Create(name, shares[i]));
    }
}

/// <summary>
/// One regression tree: internal node <c>i</c> sends a span left when feature <see cref="SplitFeatures"/>[i] is at most
/// <see cref="SplitThresholds"/>[i], right otherwise; a child index <c>c</c> &lt; 0 is leaf <c>~c</c>. Node 0 is the root.
/// </summary>
/// <remarks>Arrays, not read-only lists: every answer walks the hundred trees.</remarks>
public sealed record GateTree(
    [property: JsonPropertyName("splitFeatures")] int[] SplitFeatures,
    [property: JsonPropertyName("splitThresholds")] double[] SplitThresholds,
    [property: JsonPropertyName("left")] int[] Left,
    [property: JsonPropertyName("right")] int[] Right,
    [property: JsonPropertyName("leafValues")] double[] LeafValues)
{
    /// <summary>The leaf <paramref name="values"/> reach, adding the features split on to <paramref name="path"/> when given.</summary>
    public int Leaf(ReadOnlySpan<double> values, List<int>? path = null)
    {
        if (SplitFeatures.Length == 0) return 0;
        var node = 0;
        while (true)
        {
            var feature = SplitFeatures[node];
            path?.Add(feature);
            var next = values[feature] <= SplitThresholds[node] ? Left[node] : Right[node];
            if (next < 0) return ~next;
            node = next;
        }
    }

    /// <summary>What makes this not a tree over <paramref name="features"/> features, or null.</summary>
    internal string? Problem(int features)
    {
        if (SplitFeatures is null || SplitThresholds is null || Left is null || Right is null || LeafValues is null) return "lacks a list";
        var nodes = SplitFeatures.Length;
        if (SplitThresholds.Length != nodes || Left.Length != nodes || Right.Length != nodes || LeafValues.Length != nodes + 1)
            return $"needs as many thresholds and children as splits ({nodes}) and one leaf more";
        if (SplitFeatures.Any(f => f < 0 || f >= features)) return "splits on a feature the model does not list";
        if (SplitThresholds.Concat(LeafValues).Any(v => !double.IsFinite(v))) return "holds a number that is not finite";
        // Every node but the root and every leaf is reached from exactly one parent: the walk from the root ends.
        var children = Left.Concat(Right).ToList();
        if (children.Any(c => c == 0 || c >= nodes || c < -(nodes + 1)) || children.Distinct().Count() != children.Count)
            return "is not a tree: a child index is out of range or reached twice";
        return null;
    }
}
