using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Assistant.Answering.Gate;

namespace Assistant.GateTrainer;

/// <summary>
/// Fits the gate with ML.NET: boosted trees (FastTree, what ships) or, to compare, a logistic regression; label «should
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
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Features.Names.Count);
        return trees ? FitTrees(rows, schema) : FitLogistic(rows, schema);
    }

    /// <summary>Boosted trees on the features as computed (trees split on thresholds: standardising changes nothing).</summary>
    private Model FitTrees(List<Row> rows, SchemaDefinition schema)
    {
        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => new Example { Features = r.Features, Label = r.Outcome != Outcome.RightEvidence }), schema);
        var forest = _ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1).Fit(data);
        var ensemble = forest.Model.SubModel.TrainedTreeEnsemble;
        if (ensemble.Trees.Any(tree => tree.CategoricalSplitFlags.Any(f => f))) throw new InvalidOperationException("A tree splits on a category: the gate's features are all numbers.");
        // Each tree's weight is folded into its leaves.
        var gateTrees = ensemble.Trees.Zip(ensemble.TreeWeights, (tree, weight) => new GateTree(
            [.. tree.NumericalSplitFeatureIndexes], [.. tree.NumericalSplitThresholds.Select(v => (double)v)], [.. tree.LeftChild], [.. tree.RightChild],
            [.. tree.LeafValues.Select(v => v * weight)])).ToArray();
        var boosted = new GateModel(Features.Names, gateTrees, ensemble.Bias, forest.Model.Calibrator.Slope, forest.Model.Calibrator.Offset, Threshold: 0.5, FittedOn: []);
        // What ships is the trees walked by the product's own code: it must be what ML.NET's calibrated model predicts.
        var engine = _ml.Model.CreatePredictionEngine<Example, Prediction>(forest, inputSchemaDefinition: schema);
        foreach (var row in rows)
        {
            var expected = engine.Predict(new Example { Features = row.Features }).Probability;
            var shipped = boosted.Probability(Doubles(row.Features));
            if (Math.Abs(expected - shipped) > 1e-4) throw new InvalidOperationException($"The trees' probability {shipped} differs from ML.NET's {expected}.");
        }
        return new Model(features => boosted.Probability(Doubles(features)), boosted);
    }

    /// <summary>A logistic regression on standardised features (L2 1), to compare.</summary>
    private Model FitLogistic(List<Row> rows, SchemaDefinition schema)
    {
        var n = Features.Names.Count;
        var means = Enumerable.Range(0, n).Select(i => rows.Average(r => (double)r.Features[i])).ToArray();
        // A feature constant over the training rows gets scale 1: it carries no weight either way.
        var scales = Enumerable.Range(0, n).Select(i => Math.Sqrt(rows.Average(r => Math.Pow(r.Features[i] - means[i], 2)))).Select(s => s > 1e-9 ? s : 1).ToArray();
        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => new Example { Features = Standardised(r.Features, means, scales), Label = r.Outcome != Outcome.RightEvidence }), schema);
        var fitted = _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 1f, l1Regularization: 0f).Fit(data);
        var engine = _ml.Model.CreatePredictionEngine<Example, Prediction>(fitted, inputSchemaDefinition: schema);
        return new Model(features => engine.Predict(new Example { Features = Standardised(features, means, scales) }).Probability, null);
    }

    private static double[] Doubles(float[] features) => [.. features.Select(v => (double)v)];

    private static float[] Standardised(float[] features, double[] means, double[] scales) =>
        features.Select((v, i) => (float)((v - means[i]) / scales[i])).ToArray();
}

/// <summary>A fitted gate: boosted trees (what ships, as <paramref name="shipped"/>), or a logistic regression (compared in cross-validation only).</summary>
internal sealed class Model(Func<float[], double> probability, GateModel? shipped)
{
    public double Probability(float[] features) => probability(features);

    public List<Scored> Score(GoldRun set) => set.Rows.Select(r => new Scored(Probability(r.Features), r.Outcome)).ToList();

    /// <summary>The model file the product reads (src/Assistant.Core/Answering/Gate/abstention-gate.json).</summary>
    public string ToJson(double threshold, IEnumerable<string> fittedOn)
    {
        if (shipped is null) throw new InvalidOperationException("Only the boosted trees are written as the product's model.");
        return JsonSerializer.Serialize(shipped with { Threshold = threshold, FittedOn = [.. fittedOn] }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
