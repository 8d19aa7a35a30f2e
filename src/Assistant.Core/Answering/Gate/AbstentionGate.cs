using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Configuration;
using Microsoft.Extensions.Options;

namespace Assistant.Answering.Gate;

/// <summary>
/// The learned abstention gate: a logistic regression over <see cref="GateFeatures"/>, fitted with ML.NET on the gold sets
/// (tools/Assistant.GateTrainer, docs/evaluation.md#the-abstention-gate) and shipped as <c>abstention-gate.json</c>, that
/// gives the probability that a span the checks let through answers a question the documents do not answer. The
/// answerer abstains (<see cref="AbstainReasons.GateDoubt"/>) only at or above the model's threshold, chosen on held-out
/// sets so that it turns away more unanswerable questions than it loses evidence.
/// </summary>
public sealed class AbstentionGate
{
    /// <summary>The model file, embedded in the assembly.</summary>
    public const string ResourceName = "Assistant.Answering.Gate.abstention-gate.json";

    private readonly GateModel _model;
    private readonly double _threshold;

    public AbstentionGate(IOptions<AbstentionGateOptions> options) : this(Shipped(), options.Value)
    {
    }

    /// <summary>A gate over another model than the shipped one (tests).</summary>
    internal AbstentionGate(GateModel model, AbstentionGateOptions options)
    {
        _model = model;
        Enabled = options.Enabled;
        _threshold = options.Threshold ?? model.Threshold;
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
    public bool Abstains(GateFeatures features) => Enabled && Doubt(features) >= _threshold;

    /// <summary>For <c>ask --explain</c>: the probability against the threshold, and the features that pushed it most.</summary>
    public string Explain(GateFeatures features)
    {
        var doubt = Doubt(features);
        var pushes = _model.Contributions(features.Values).OrderByDescending(c => Math.Abs(c.Value)).Take(ExplainedFeatures)
            .Select(c => $"{c.Key} {features[c.Key]:0.##} ({c.Value:+0.00;-0.00})");
        var verdict = !Enabled ? "gate off" : doubt >= _threshold ? $"abstains ({AbstainReasons.GateDoubt})" : "answers";
        return $"abstention gate: p(should abstain) {doubt:F2}, threshold {_threshold:F2}: {verdict}; most weight: {string.Join(", ", pushes)}";
    }

    private const int ExplainedFeatures = 4;
}

/// <summary>
/// The fitted model as the trainer writes it: per feature (in <see cref="GateFeatures.Names"/> order) the mean and scale it
/// was standardised with and its weight, the bias, and the threshold chosen by cross-validation.
/// </summary>
public sealed record GateModel(
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("means")] IReadOnlyList<double> Means,
    [property: JsonPropertyName("scales")] IReadOnlyList<double> Scales,
    [property: JsonPropertyName("weights")] IReadOnlyList<double> Weights,
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("fittedOn")] IReadOnlyList<string> FittedOn)
{
    /// <summary>Reads and checks a model file: the features of this build, in order, finite numbers, positive scales, a threshold in (0, 1).</summary>
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
        var n = Features.Count;
        if (Means?.Count != n || Scales?.Count != n || Weights?.Count != n)
            throw new InvalidDataException($"The abstention gate's model needs {n} means, scales and weights, one per feature.");
        if (Means.Concat(Weights).Append(Bias).Any(v => !double.IsFinite(v)) || Scales.Any(s => !double.IsFinite(s) || s <= 0))
            throw new InvalidDataException("The abstention gate's model holds a number that is not finite, or a scale that is not positive.");
        if (!(Threshold is > 0 and < 1)) throw new InvalidDataException("The abstention gate's threshold must be between 0 and 1.");
    }

    public double Probability(IReadOnlyList<double> values)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++) z += Weights[i] * (values[i] - Means[i]) / Scales[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Each feature's share of the log-odds (positive: towards abstaining).</summary>
    public IEnumerable<KeyValuePair<string, double>> Contributions(IReadOnlyList<double> values) =>
        Features.Select((name, i) => KeyValuePair.Create(name, Weights[i] * (values[i] - Means[i]) / Scales[i]));
}
