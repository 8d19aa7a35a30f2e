using System.Text;
using System.Text.Json;
using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Gate;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// The learned abstention gate: the shipped model is a model of the features this build computes, a model file that is
/// not is refused, and the gate turns an answer into an abstention only when on and confident.
/// </summary>
public sealed class AbstentionGateTests
{
    private readonly ArabicTextAnalyzer _analyzer = new();

    private static int FeatureCount => GateFeatures.Names.Count;

    /// <summary>A model without trees, that gives every span the probability sigmoid(<paramref name="bias"/>).</summary>
    private static GateModel Constant(double bias, double threshold = 0.7) => new(GateFeatures.Names, [], bias, Slope: -1, Offset: 0, threshold, ["gold.jsonl"]);

    /// <summary>One split on missingWeight at 0.5: log-odds −1 at or below it, +1 above.</summary>
    private static GateTree Stump => new([GateFeatures.IndexOf("missingWeight")], [0.5], [~0], [~1], [-1, 1]);

    private Task<GeneratedAnswer> AnswerAsync(AbstentionGate gate, bool explain = false) =>
        AnswerAsync(gate, "أين التقى ترامب وبوتين؟", "التقى الرئيسان ترامب وبوتين في دا نانغ بفيتنام على هامش قمة أبيك.", explain);

    private async Task<GeneratedAnswer> AnswerAsync(AbstentionGate gate, string question, string text, bool explain = false)
    {
        var passage = new Passage("doc#0", "doc", "وثيقة", 0, text.Length, text, 0);
        var statistics = new TermStatistics(20, _analyzer.Terms(text + " " + question).Distinct().ToDictionary(t => t, _ => 1));
        var request = new AnswerRequest(question, _analyzer.Terms(question), [new ScoredPassage(passage, 1, 1, 1)], statistics, explain);
        return await Generators.Extractive(_analyzer, gate).GenerateAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_shipped_model_weighs_this_builds_features_and_was_fitted_on_gold_sets_only()
    {
        var model = AbstentionGate.Shipped();

        Assert.Equal(GateFeatures.Names, model.Features);
        Assert.InRange(model.Threshold, 0.5, 1.0);
        Assert.NotEmpty(model.FittedOn);
        Assert.All(model.FittedOn, set => Assert.EndsWith(".jsonl", set));
        // gold-wild-e is kept out of every measurement, fitting included.
        Assert.DoesNotContain("gold-wild-e.jsonl", model.FittedOn);
    }

    [Fact]
    public void A_model_file_for_other_features_or_with_a_tree_that_is_not_one_is_refused_with_what_is_wrong()
    {
        var renamed = Constant(0) with { Features = [.. GateFeatures.Names.Skip(1), "somethingElse"] };
        var loop = Constant(0) with { Trees = [Stump with { Left = [0] }] };
        var outOfRange = Constant(0) with { Trees = [Stump with { SplitFeatures = [FeatureCount] }] };

        var wrongFeatures = Assert.Throws<InvalidDataException>(() => GateModel.Read(AsJson(renamed)));
        var notATree = Assert.Throws<InvalidDataException>(() => GateModel.Read(AsJson(loop)));
        var unknownFeature = Assert.Throws<InvalidDataException>(() => GateModel.Read(AsJson(outOfRange)));

        Assert.Contains("other features", wrongFeatures.Message, StringComparison.Ordinal);
        Assert.Contains("tree 0 is not a tree", notATree.Message, StringComparison.Ordinal);
        Assert.Contains("feature the model does not list", unknownFeature.Message, StringComparison.Ordinal);
        Assert.Equal(Stump.LeafValues, Assert.Single(GateModel.Read(AsJson(Constant(0) with { Trees = [Stump] })).Trees).LeafValues);
    }

    [Fact]
    public void The_probability_is_the_calibrated_sum_of_the_leaves_reached_and_the_split_feature_carries_it()
    {
        var model = Constant(0.5) with { Trees = [Stump, Stump], Slope = -2, Offset = 1 };
        var values = new double[FeatureCount];
        values[GateFeatures.IndexOf("missingWeight")] = 0.75;
        var below = values.ToArray();
        below[GateFeatures.IndexOf("missingWeight")] = 0.5;

        // z = 0.5 + 1 + 1 = 2.5, p = 1 / (1 + e^(−2 · 2.5 + 1)); at the threshold itself the split goes left: z = −1.5.
        Assert.Equal(1 / (1 + Math.Exp(-4)), model.Probability(values), 9);
        Assert.Equal(1 / (1 + Math.Exp(4)), model.Probability(below), 9);
        var contributions = model.Contributions(values).ToDictionary();
        Assert.Equal(4, contributions["missingWeight"], 9);
        Assert.All(contributions.Where(c => c.Key != "missingWeight"), c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public async Task A_confident_gate_abstains_with_its_reason_and_keeps_the_features_it_weighed()
    {
        var answer = await AnswerAsync(new AbstentionGate(Constant(bias: 5), new AbstentionGateOptions { Enabled = true }), explain: true);

        Assert.True(answer.Abstained);
        Assert.Equal(AbstainReasons.GateDoubt, answer.AbstainReason);
        Assert.Empty(answer.Citations);
        Assert.NotNull(answer.GateFeatures);
        Assert.Contains(answer.Explanation!, line => line.StartsWith("abstention gate: p(should abstain) 0.99, threshold 0.70: abstains (gate-doubt)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_its_threshold_or_switched_off_the_gate_lets_the_answer_stand_and_explain_says_what_it_weighed()
    {
        var unsure = await AnswerAsync(new AbstentionGate(Constant(bias: 0), new AbstentionGateOptions { Enabled = true }), explain: true);
        var off = await AnswerAsync(new AbstentionGate(Constant(bias: 5), new AbstentionGateOptions { Enabled = false }), explain: true);

        Assert.False(unsure.Abstained);
        Assert.False(off.Abstained);
        Assert.Contains("دا نانغ", Assert.Single(off.Citations).Quote, StringComparison.Ordinal);
        Assert.Equal(FeatureCount, off.GateFeatures!.Values.Count);
        Assert.InRange(off.GateFeatures["evidence"], 0.25, 1.0);
        Assert.Contains(unsure.Explanation!, line => line.StartsWith("abstention gate: p(should abstain) 0.50, threshold 0.70: answers", StringComparison.Ordinal));
        Assert.Contains(off.Explanation!, line => line.Contains(": gate off; most weight:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_span_that_leaves_the_asked_action_unsaid_faces_the_lower_threshold_and_explain_says_so()
    {
        // p = sigmoid(0.2) ≈ 0.55: below the model's 0.70, at or above the 0.50 a span that leaves the action unsaid faces.
        var gate = new AbstentionGate(Constant(bias: 0.2), new AbstentionGateOptions { Enabled = true, UnsaidThreshold = 0.5 });
        const string question = "على ماذا اتفق ترامب وبوتين في دا نانغ؟";

        var unsaid = await AnswerAsync(gate, question, "تحدث ترامب وبوتين في دا نانغ عن سوريا.", explain: true);
        var said = await AnswerAsync(gate, question, "اتفق ترامب وبوتين في دا نانغ على دحر داعش.", explain: true);

        Assert.True(unsaid.Abstained);
        Assert.Equal(AbstainReasons.GateDoubt, unsaid.AbstainReason);
        Assert.Equal((1, 0), (unsaid.GateFeatures!["actionAsked"], unsaid.GateFeatures["actionSaid"]));
        Assert.Contains(unsaid.Explanation!, line => line.StartsWith("abstention gate: p(should abstain) 0.55, threshold 0.50 (the span does not say what is asked): abstains", StringComparison.Ordinal));
        Assert.False(said.Abstained);
        Assert.Equal((1, 1), (said.GateFeatures!["actionAsked"], said.GateFeatures["actionSaid"]));
        Assert.Contains(said.Explanation!, line => line.StartsWith("abstention gate: p(should abstain) 0.55, threshold 0.70: answers", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lower_threshold_is_for_an_unsaid_action_reason_or_rarest_word_and_never_above_the_models()
    {
        var values = new double[FeatureCount];
        values[GateFeatures.IndexOf("rarestSaid")] = 1;
        var saysAll = new GateFeatures(values.ToArray());
        values[GateFeatures.IndexOf("kindReason")] = 1;
        var noReason = new GateFeatures(values.ToArray());
        values[GateFeatures.IndexOf("kindReason")] = 0;
        values[GateFeatures.IndexOf("rarestSaid")] = 0;
        var rarestUnsaid = new GateFeatures(values.ToArray());
        var gate = new AbstentionGate(Constant(0), new AbstentionGateOptions { UnsaidThreshold = 0.5 });
        var lenient = new AbstentionGate(Constant(0), new AbstentionGateOptions { UnsaidThreshold = 0.9 });

        Assert.Equal(0.7, gate.ThresholdFor(saysAll));
        Assert.Equal(0.5, gate.ThresholdFor(noReason));
        Assert.Equal(0.5, gate.ThresholdFor(rarestUnsaid));
        Assert.Equal(0.7, lenient.ThresholdFor(rarestUnsaid));
    }

    private static MemoryStream AsJson(GateModel model) => new(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(model)));
}
