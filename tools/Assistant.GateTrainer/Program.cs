using System.Globalization;
using System.Text.Json;
using Assistant.GateTrainer;

// gate-trainer --runs DIR [--output FILE] [--held-back NAME,…] [--wrong-evidence exclude|abstain] [--trainer lr|fasttree]
// Fits the abstention gate from one eval run per gold file (eval --json, gate off) and reports it on held-out sets:
// docs/evaluation.md#the-abstention-gate. Held-back sets (recent unseen ones) are in neither half, only reported.
var arguments = Arguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: gate-trainer --runs DIR [--output FILE] [--held-back NAME,…] [--wrong-evidence exclude|abstain] [--trainer lr|fasttree]");
    return 1;
}
var runs = GoldRuns.Read(arguments.Runs);
var heldBack = runs.Where(s => arguments.HeldBack.Contains(s.Name)).ToList();
var sets = runs.Except(heldBack).ToList();
if (heldBack.Count != arguments.HeldBack.Count)
{
    Console.Error.WriteLine($"error: {arguments.Runs} has no run of {string.Join(", ", arguments.HeldBack.Except(heldBack.Select(s => s.Name)))}.");
    return 1;
}
if (sets.Count < 4)
{
    Console.Error.WriteLine($"error: {arguments.Runs} holds {sets.Count} eval runs; the gate is fitted across sets, so it needs several.");
    return 1;
}
var trainer = new Trainer(arguments.WrongEvidenceAbstains, arguments.Trees);
var study = sets.Where((_, i) => i % 2 == 0).ToList();
var check = sets.Where((_, i) => i % 2 == 1).ToList();
Console.WriteLine($"{sets.Count} sets: study (even positions) {study.Count}, check (odd) {check.Count}, held back {heldBack.Count}; wrong evidence {(arguments.WrongEvidenceAbstains ? "labelled abstain" : "left out of fitting")}; {(arguments.Trees ? "FastTree" : "logistic regression")}");

// The threshold: where leave-one-set-out over the study sets gains most (unanswerable abstained minus evidence lost).
var outOfFold = study.SelectMany(held => trainer.Fit(study.Where(s => s != held)).Score(held)).ToList();
var threshold = Thresholds.Best(outOfFold, out var curve);
Console.WriteLine("study half, leave-one-set-out: threshold → gained, evidence lost, other wrong abstentions");
foreach (var point in curve) Console.WriteLine($"  {point.Threshold:F2} → +{point.Gained} −{point.Lost} ({point.OtherWrong})");
Console.WriteLine($"chosen threshold {threshold:F2}; out-of-fold AUC, unanswerable against right evidence: {Thresholds.Auc(outOfFold):F3}");

var model = trainer.Fit(study);
Report.Print("check half (model fitted on the study half)", check.Select(set => (set.Name, model.Score(set))), threshold);
if (heldBack.Count > 0) Report.Print("held back (model fitted on the study half)", heldBack.Select(set => (set.Name, model.Score(set))), threshold);
Report.Print("every set, leave-one-set-out (fitted on all the others)", sets.Select(held => (held.Name, trainer.Fit(sets.Where(s => s != held)).Score(held))), threshold);

if (arguments.Output is { } output)
{
    File.WriteAllText(output, model.ToJson(threshold, study.Select(s => s.Name)));
    Console.WriteLine($"model written to {output}");
}
return 0;

namespace Assistant.GateTrainer
{
    /// <param name="HeldBack">Gold file names (<c>NAME.jsonl</c>) kept out of fitting and of both halves.</param>
    internal sealed record Arguments(string Runs, string? Output, IReadOnlySet<string> HeldBack, bool WrongEvidenceAbstains, bool Trees)
    {
        public static Arguments? Parse(string[] args)
        {
            string? runs = null, output = null;
            var heldBack = new HashSet<string>(StringComparer.Ordinal);
            var (wrongAbstains, trees) = (false, true);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i], args[i + 1])
                {
                    case ("--runs", var v): runs = v; break;
                    case ("--output", var v): output = v; break;
                    case ("--held-back", var v): heldBack.UnionWith(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.EndsWith(".jsonl", StringComparison.Ordinal) ? n : n + ".jsonl")); break;
                    case ("--wrong-evidence", "exclude"): wrongAbstains = false; break;
                    case ("--wrong-evidence", "abstain"): wrongAbstains = true; break;
                    case ("--trainer", "lr"): trees = false; break;
                    case ("--trainer", "fasttree"): trees = true; break;
                    default: return null;
                }
            }
            return runs is null || args.Length % 2 != 0 ? null : new Arguments(runs, output, heldBack, wrongAbstains, trees);
        }
    }

    /// <summary>What became of one question the answerer answered (so the gate weighed it).</summary>
    internal enum Outcome { Unanswerable, RightEvidence, WrongEvidence }

    internal sealed record Row(float[] Features, Outcome Outcome);

    internal sealed record GoldRun(string Name, IReadOnlyList<Row> Rows);

    internal static class GoldRuns
    {
        /// <summary>The eval runs of a folder, in the order of their gold files' names (<c>NAME.jsonl</c>, ordinal).</summary>
        public static List<GoldRun> Read(string folder) =>
            Directory.GetFiles(folder, "*.json")
                .Select(path => (Gold: Path.GetFileNameWithoutExtension(path) + ".jsonl", Path: path))
                .OrderBy(f => f.Gold, StringComparer.Ordinal)
                .Select(f => new GoldRun(f.Gold, Rows(f.Path)))
                .ToList();

        private static List<Row> Rows(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var rows = new List<Row>();
            foreach (var q in json.RootElement.GetProperty("questions").EnumerateArray())
            {
                if (!q.TryGetProperty("gateFeatures", out var features) || features.ValueKind != JsonValueKind.Object) continue;
                var values = Features.Names.Select(n => (float)features.GetProperty(n).GetDouble()).ToArray();
                var answerable = q.GetProperty("doc").ValueKind == JsonValueKind.String;
                var outcome = !answerable ? Outcome.Unanswerable : q.GetProperty("evidenceHit").GetBoolean() ? Outcome.RightEvidence : Outcome.WrongEvidence;
                rows.Add(new Row(values, outcome));
            }
            return rows;
        }
    }

    /// <summary>The feature names, in the product's order (GateFeatures.Names).</summary>
    internal static class Features
    {
        public static readonly IReadOnlyList<string> Names = Assistant.Answering.Gate.GateFeatures.Names;
    }

    internal sealed record Scored(double Probability, Outcome Outcome);

    internal sealed record CurvePoint(double Threshold, int Gained, int Lost, int OtherWrong);

    internal static class Thresholds
    {
        /// <summary>Candidate thresholds: «confident» starts at even odds.</summary>
        public static IEnumerable<double> Grid() => Enumerable.Range(50, 50).Select(i => i / 100.0);

        public static CurvePoint At(IReadOnlyCollection<Scored> scored, double t) => new(t,
            scored.Count(s => s.Probability >= t && s.Outcome == Outcome.Unanswerable),
            scored.Count(s => s.Probability >= t && s.Outcome == Outcome.RightEvidence),
            scored.Count(s => s.Probability >= t && s.Outcome == Outcome.WrongEvidence));

        /// <summary>The probability that an unanswerable question scores above an answer with the right evidence.</summary>
        public static double Auc(IReadOnlyCollection<Scored> scored)
        {
            var positives = scored.Where(s => s.Outcome == Outcome.Unanswerable).Select(s => s.Probability).ToList();
            var negatives = scored.Where(s => s.Outcome == Outcome.RightEvidence).Select(s => s.Probability).ToList();
            var above = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
            return positives.Count * negatives.Count == 0 ? double.NaN : above / (positives.Count * (double)negatives.Count);
        }

        /// <summary>The threshold of the largest gain less loss; of equal ones, the highest (the gate abstains least).</summary>
        public static double Best(IReadOnlyCollection<Scored> scored, out List<CurvePoint> curve)
        {
            curve = Grid().Select(t => At(scored, t)).ToList();
            return curve.OrderByDescending(p => p.Gained - p.Lost).ThenByDescending(p => p.Threshold).First().Threshold;
        }
    }

    internal static class Report
    {
        public static void Print(string title, IEnumerable<(string Name, List<Scored> Scored)> sets, double threshold)
        {
            Console.WriteLine($"{title}, threshold {threshold:F2}: set → unanswerable abstained gained, evidence lost, other wrong abstentions (answered unanswerable, answered with right evidence)");
            var (gained, lost, other) = (0, 0, 0);
            foreach (var (name, scored) in sets)
            {
                var p = Thresholds.At(scored, threshold);
                (gained, lost, other) = (gained + p.Gained, lost + p.Lost, other + p.OtherWrong);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-26} +{p.Gained} −{p.Lost} ({p.OtherWrong})   ({scored.Count(s => s.Outcome == Outcome.Unanswerable)}, {scored.Count(s => s.Outcome == Outcome.RightEvidence)})"));
            }
            Console.WriteLine($"  total: unanswerable abstained +{gained}, evidence −{lost}, net {gained - lost:+0;-0;0}; answerable answered from wrong evidence now abstained {other}");
        }
    }
}
