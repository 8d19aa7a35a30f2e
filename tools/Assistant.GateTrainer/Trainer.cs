using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Assistant.GateTrainer;

/// <summary>
/// Fits the gate with ML.NET: features standardised here (the mean and scale ship with the weights), label «should
/// have abstained» = the question is unanswerable. An answerable question answered from the wrong evidence is left out
/// of fitting unless <paramref name="wrongEvidenceAbstains"/>: abstaining on it loses no evidence, but it is no
/// unanswerable question either.
/// </summary>
internal sealed class Trainer(bool wrongEvidenceAbstains, bool trees)
{
    private readonly MLContext _ml = new(seed: 1);

    private sealed class Example
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }

    public Model Fit(IEnumerable<GoldRun> sets)
    {
        var rows = sets.SelectMany(s => s.Rows).Where(r => r.Outcome != Outcome.WrongEvidence || wrongEvidenceAbstains).ToList();
        var n = Features.Names.Count;
        var means = Enumerable.Range(0, n).Select(i => rows.Average(r => (double)r.Features[i])).ToArray();
        // A feature constant over the training rows gets scale 1: it carries no weight either way.
        var scales = Enumerable.Range(0, n).Select(i => Math.Sqrt(rows.Average(r => Math.Pow(r.Features[i] - means[i], 2)))).Select(s => s > 1e-9 ? s : 1).ToArray();
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, n);
        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => new Example { Features = Standardised(r.Features, means, scales), Label = r.Outcome != Outcome.RightEvidence }), schema);
        if (trees)
        {
            var forest = _ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1).Fit(data);
            var engine = _ml.Model.CreatePredictionEngine<Example, Prediction>(forest, inputSchemaDefinition: schema);
            return new Model(means, scales, [], 0, features => engine.Predict(new Example { Features = Standardised(features, means, scales) }).Probability);
        }
        var fitted = _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 1f, l1Regularization: 0f).Fit(data);
        var linear = fitted.Model.SubModel;
        var model = new Model(means, scales, [.. linear.Weights.Select(w => (double)w)], linear.Bias, null);
        // What ships is the sigmoid of the linear score: it must be what ML.NET's calibrated model predicts.
        var check = _ml.Model.CreatePredictionEngine<Example, Prediction>(fitted, inputSchemaDefinition: schema);
        foreach (var row in rows.Take(20))
        {
            var expected = check.Predict(new Example { Features = Standardised(row.Features, means, scales) }).Probability;
            if (Math.Abs(expected - model.Probability(row.Features)) > 1e-4) throw new InvalidOperationException($"The linear model's probability {model.Probability(row.Features)} differs from ML.NET's {expected}.");
        }
        return model;
    }

    private static float[] Standardised(float[] features, double[] means, double[] scales) =>
        features.Select((v, i) => (float)((v - means[i]) / scales[i])).ToArray();
}

/// <summary>A fitted gate: a logistic regression (what ships), or trees (compared in cross-validation only).</summary>
internal sealed class Model(double[] means, double[] scales, double[] weights, double bias, Func<float[], float>? trees)
{
    public double Probability(float[] features)
    {
        if (trees is not null) return trees(features);
        var z = bias;
        for (var i = 0; i < weights.Length; i++) z += weights[i] * (features[i] - means[i]) / scales[i];
        return 1 / (1 + Math.Exp(-z));
    }

    public List<Scored> Score(GoldRun set) => set.Rows.Select(r => new Scored(Probability(r.Features), r.Outcome)).ToList();

    /// <summary>The model file the product reads (src/Assistant.Core/Answering/Gate/abstention-gate.json).</summary>
    public string ToJson(double threshold, IEnumerable<string> fittedOn)
    {
        if (trees is not null) throw new InvalidOperationException("Only the logistic regression is written as the product's model.");
        return JsonSerializer.Serialize(new
        {
            features = Features.Names,
            means = means.Select(Round),
            scales = scales.Select(Round),
            weights = weights.Select(Round),
            bias = Round(bias),
            threshold,
            fittedOn,
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static double Round(double v) => Math.Round(v, 6);
}
