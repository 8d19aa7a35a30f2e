using Assistant.Answering;
using Assistant.Citations;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// Runs gold question sets through the default (offline, extractive) pipeline and checks the acceptance figures:
/// every citation exact, evidence recall, abstention on unanswerable questions, few wrong abstentions.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class GoldSetTests(SeedIndexFixture seeds)
{
    private sealed record Figures(double EvidenceRecall, double AbstentionRecall, double WrongAbstention, int Citations, IReadOnlyList<string> Failures);

    private async Task<Figures> RunAsync(string path)
    {
        var gold = GoldSet.Load(path);
        Assert.NotEmpty(gold);
        int answerable = 0, supported = 0, unanswerable = 0, abstained = 0, wronglyAbstained = 0, citations = 0;
        var failures = new List<string>();
        foreach (var question in gold)
        {
            var answer = await seeds.Answers.AskAsync(new Question(question.Question), TestContext.Current.CancellationToken);
            // Exactness holds for every answer, whatever the question.
            foreach (var citation in answer.Citations)
            {
                var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, citation.DocumentId));
                Assert.Equal(text.Substring(citation.Start, citation.End - citation.Start), citation.Quote);
                citations++;
            }
            Assert.Empty(CitationVerifier.Verify(answer.Text, answer.Citations, id => File.ReadAllText(Path.Combine(TestPaths.Seeds, id))));
            Assert.Equal(answer.Abstained, answer.Citations.Count == 0);
            if (!question.Answerable)
            {
                unanswerable++;
                if (answer.Abstained) abstained++;
                else failures.Add($"{question.Id} answered: {question.Question}");
                continue;
            }
            answerable++;
            if (answer.Abstained)
            {
                wronglyAbstained++;
                failures.Add($"{question.Id} abstained: {question.Question}");
                continue;
            }
            var spans = GoldSet.EvidenceSpans(question).ToList();
            Assert.NotEmpty(spans);
            if (answer.Citations.Any(c => c.DocumentId == question.Doc && spans.Any(s => c.Start < s.End && s.Start < c.End))) supported++;
            else failures.Add($"{question.Id} cited elsewhere: {question.Question}");
        }
        return new Figures(
            answerable == 0 ? 1 : (double)supported / answerable,
            unanswerable == 0 ? 1 : (double)abstained / unanswerable,
            answerable == 0 ? 0 : (double)wronglyAbstained / answerable,
            citations, failures);
    }

    /// <summary>The acceptance figures, on the shared sample and on the project's main gold set.</summary>
    [Theory]
    [InlineData("sample-gold.jsonl")]
    [InlineData("gold.jsonl")]
    public async Task Gold_questions_meet_the_acceptance_figures(string file)
    {
        var figures = await RunAsync(TestPaths.Gold(file));
        Assert.True(figures.EvidenceRecall >= 0.9, $"evidence recall {figures.EvidenceRecall:P0}: {string.Join("; ", figures.Failures)}");
        Assert.True(figures.AbstentionRecall >= 0.9, $"abstention {figures.AbstentionRecall:P0}: {string.Join("; ", figures.Failures)}");
        Assert.True(figures.WrongAbstention <= 0.05, $"wrong abstention {figures.WrongAbstention:P0}: {string.Join("; ", figures.Failures)}");
    }

    /// <summary>How analysts actually type: without hamzas, ه for ة, Arabic-Indic digits, full diacritics, a Latin "?", no-break spaces.</summary>
    public static TheoryData<string> Spellings() => ["no hamza", "ha for ta marbuta", "arabic-indic digits", "diacritised", "latin question mark", "no-break spaces"];

    private static string Respell(string question, string spelling) => spelling switch
    {
        "no hamza" => question.Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا'),
        "ha for ta marbuta" => System.Text.RegularExpressions.Regex.Replace(question, "ة(?=[\\s؟?،]|$)", "ه"),
        "arabic-indic digits" => string.Concat(question.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c)),
        "diacritised" => string.Concat(question.Select((c, i) => c is >= '\u0621' and <= '\u064A' ? $"{c}{(i % 2 == 0 ? '\u064E' : '\u0650')}" : c.ToString())),
        "latin question mark" => question.Replace('؟', '?'),
        "no-break spaces" => question.Replace(' ', '\u00A0'),
        _ => throw new ArgumentOutOfRangeException(nameof(spelling)),
    };

    /// <summary>Every sample question, respelled, gets the same citations (or the same abstention) as spelled in the sample.</summary>
    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Sample_questions_respelled_get_the_same_answer(string spelling)
    {
        var changed = 0;
        foreach (var question in GoldSet.Load(TestPaths.SampleGold))
        {
            var respelled = Respell(question.Question, spelling);
            if (respelled != question.Question) changed++;
            var expected = await seeds.Answers.AskAsync(new Question(question.Question), TestContext.Current.CancellationToken);
            var actual = await seeds.Answers.AskAsync(new Question(respelled), TestContext.Current.CancellationToken);
            Assert.True(expected.Citations.Select(c => (c.DocumentId, c.Start, c.End)).SequenceEqual(actual.Citations.Select(c => (c.DocumentId, c.Start, c.End))),
                $"{question.Id} ({spelling}): «{respelled}»");
            Assert.Equal(expected.Abstained, actual.Abstained);
        }
        Assert.True(changed > 0, $"no sample question has anything to respell for {spelling}");
    }

    /// <summary>
    /// The project's other, deliberately hard sets (paraphrases, dialect, in-domain unanswerable questions). The floors are
    /// the figures reached today, so that a change that makes answers worse fails; docs/evaluation.md has the figures
    /// and the gap to the 90% targets. On gold-wild-c and gold-wild-ae the abstention gate turns an answer or two
    /// into abstentions: the floors take that cost of its measured gain (docs/evaluation.md#the-abstention-gate).
    /// </summary>
    [Theory]
    [InlineData("gold-holdout.jsonl", 0.83, 0.85, 0.00)]
    [InlineData("gold-unseen.jsonl", 0.97, 1.00, 0.00)]
    [InlineData("gold-blind.jsonl", 0.94, 0.85, 0.03)]
    [InlineData("gold-fresh.jsonl", 1.00, 0.91, 0.00)]
    [InlineData("gold-final.jsonl", 1.00, 1.00, 0.00)]
    [InlineData("gold-last.jsonl", 1.00, 0.91, 0.00)]
    [InlineData("gold-check.jsonl", 0.96, 1.00, 0.04)]
    [InlineData("gold-probe.jsonl", 0.96, 1.00, 0.00)]
    [InlineData("gold-extra.jsonl", 1.00, 0.83, 0.00)]
    [InlineData("gold-wild-a.jsonl", 0.86, 0.85, 0.02)]
    [InlineData("gold-wild-b.jsonl", 0.88, 0.95, 0.02)]
    [InlineData("gold-wild-c.jsonl", 0.90, 0.92, 0.05)]
    [InlineData("gold-wild-d.jsonl", 0.95, 0.80, 0.04)]
    [InlineData("gold-wild-e.jsonl", 0.90, 0.92, 0.04)]
    [InlineData("gold-wild-f.jsonl", 0.94, 0.83, 0.00)]
    [InlineData("gold-wrapped.jsonl", 0.91, 1.00, 0.02)]
    [InlineData("gold-wild-g.jsonl", 0.90, 0.89, 0.00)]
    [InlineData("gold-wild-h.jsonl", 0.85, 0.91, 0.08)]
    [InlineData("gold-wild-i.jsonl", 0.64, 0.83, 0.19)]
    [InlineData("gold-wild-j.jsonl", 0.90, 0.86, 0.08)]
    [InlineData("gold-wild-k.jsonl", 0.83, 0.94, 0.08)]
    [InlineData("gold-wild-l.jsonl", 0.90, 0.91, 0.04)]
    [InlineData("gold-wild-m.jsonl", 0.85, 0.88, 0.06)]
    [InlineData("gold-wild-n.jsonl", 0.92, 0.94, 0.04)]
    [InlineData("gold-wild-o.jsonl", 0.88, 0.83, 0.04)]
    [InlineData("gold-wild-p.jsonl", 0.88, 0.83, 0.04)]
    [InlineData("gold-wild-q.jsonl", 0.87, 0.86, 0.04)]
    [InlineData("gold-wild-r.jsonl", 0.90, 0.86, 0.02)]
    [InlineData("gold-wild-s.jsonl", 0.92, 0.83, 0.02)]
    [InlineData("gold-wild-t.jsonl", 0.90, 0.80, 0.06)]
    [InlineData("gold-wild-u.jsonl", 0.81, 0.83, 0.12)]
    [InlineData("gold-wild-v.jsonl", 0.75, 0.69, 0.12)]
    [InlineData("gold-wild-w.jsonl", 0.81, 0.63, 0.10)]
    [InlineData("gold-wild-x.jsonl", 0.83, 0.75, 0.04)]
    [InlineData("gold-wild-y.jsonl", 0.88, 0.75, 0.02)]
    [InlineData("gold-wild-z.jsonl", 0.90, 0.83, 0.02)]
    [InlineData("gold-wild-aa.jsonl", 0.85, 0.83, 0.06)]
    [InlineData("gold-wild-ab.jsonl", 0.90, 0.83, 0.02)]
    [InlineData("gold-wild-ac.jsonl", 0.90, 0.86, 0.02)]
    [InlineData("gold-wild-ad.jsonl", 0.88, 0.63, 0.06)]
    [InlineData("gold-wild-ae.jsonl", 0.94, 0.72, 0.04)]
    [InlineData("gold-wild-af.jsonl", 0.87, 0.83, 0.08)]
    [InlineData("gold-wild-ag.jsonl", 0.85, 0.88, 0.08)]
    [InlineData("gold-wild-ah.jsonl", 0.85, 0.80, 0.08)]
    [InlineData("gold-wild-ai.jsonl", 0.87, 0.70, 0.10)]
    [InlineData("gold-wild-ak.jsonl", 0.87, 0.94, 0.10)]
    [InlineData("gold-wild-al.jsonl", 0.79, 0.83, 0.08)]
    [InlineData("gold-wild-am.jsonl", 0.94, 0.94, 0.02)]
    [InlineData("gold-wild-an.jsonl", 0.77, 0.83, 0.13)]
    public async Task Own_gold_sets_stay_above_their_floors(string file, double minEvidence, double minAbstention, double maxWrongAbstention)
    {
        var figures = await RunAsync(TestPaths.Gold(file));
        Assert.True(figures.Citations > 0);
        Assert.True(figures.EvidenceRecall >= minEvidence, $"evidence recall {figures.EvidenceRecall:P0}");
        Assert.True(figures.AbstentionRecall >= minAbstention, $"abstention {figures.AbstentionRecall:P0}");
        Assert.True(figures.WrongAbstention <= maxWrongAbstention, $"wrong abstention {figures.WrongAbstention:P0}");
    }
}
