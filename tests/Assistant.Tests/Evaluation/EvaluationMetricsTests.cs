using Assistant.Answering;
using Assistant.Evaluation;
using Xunit;

namespace Assistant.Tests.Evaluation;

/// <summary>Every metric of the fixture run against values worked out by hand (see the comments in EvaluationFixture).</summary>
public sealed class EvaluationMetricsTests
{
    [Fact]
    public async Task Per_question_results_match_the_scripted_answers()
    {
        var run = await EvaluationFixture.RunAsync();
        var byId = run.Results.ToDictionary(r => r.Gold.Id);

        Assert.Equal(["q1", "q5"], run.Results.Where(r => r.Passed).Select(r => r.Gold.Id));
        Assert.Equal([true], byId["q1"].CitationExact);
        Assert.Equal([false], byId["q3"].CitationExact);
        Assert.Equal([true, false, true, false], new[] { "q1", "q2", "q3", "q4" }.Select(id => byId[id].EvidenceHit == true));
        Assert.Null(byId["q5"].EvidenceHit);
        Assert.Equal(["الأمم المتحدة"], byId["q1"].AnswerTermsFound);
        Assert.Empty(byId["q2"].AnswerTermsFound);
        Assert.Equal([2, 1, 1, null], new[] { "q1", "q2", "q3", "q4" }.Select(id => byId[id].DocumentRank));
        Assert.Equal([2, 2, 1, null], new[] { "q1", "q2", "q3", "q4" }.Select(id => byId[id].EvidenceRank));
        Assert.Contains("امتنع عن سؤال تجيب عنه الوثائق", byId["q4"].Failures);
        Assert.Contains("أجاب عن سؤال لا تجيب عنه الوثائق", byId["q6"].Failures);
        Assert.Contains(byId["q3"].Failures, f => f.Contains("لا يطابق نص وثيقته", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_matches_hand_computed_values()
    {
        var summary = (await EvaluationFixture.RunAsync()).Summary;

        Assert.Equal((6, 4, 2, 2), (summary.Questions, summary.Answerable, summary.Unanswerable, summary.Passed));
        Assert.Equal(4, summary.Citations);
        Assert.Equal(0.75, summary.CitationExactness);          // q1, q2, q6 exact; q3 not
        Assert.Equal(0.5, summary.EvidenceRecall);              // q1, q3 of q1–q4
        Assert.Equal(0.5, summary.AnswerTermHit);               // q1, q3 of q1–q4
        Assert.Equal(0.5, summary.AbstentionPrecision);         // abstained on q4 (wrong) and q5 (right)
        Assert.Equal(0.5, summary.AbstentionRecall);            // q5 of q5, q6
        Assert.Equal([0.5, 0.75, 0.75, 0.75], summary.DocumentRetrieval.RecallAt.Values);   // ranks 2, 1, 1, none
        Assert.Equal(0.625, summary.DocumentRetrieval.Mrr);     // (1/2 + 1 + 1 + 0) / 4
        Assert.Equal([0.25, 0.75, 0.75, 0.75], summary.EvidenceRetrieval.RecallAt.Values);  // ranks 2, 2, 1, none
        Assert.Equal(0.5, summary.EvidenceRetrieval.Mrr);       // (1/2 + 1/2 + 1 + 0) / 4
    }

    [Fact]
    public async Task Asks_each_question_once_for_ten_passages_without_a_conversation()
    {
        var gold = await EvaluationFixture.GoldAsync();
        var answers = new ScriptedAnswerService(EvaluationFixture.Answers());

        await EvaluationFixture.Runner(answers).RunAsync(gold, new EvaluationSettings(TopK: 10, WarmUp: false), null, TestContext.Current.CancellationToken);

        Assert.Equal(gold.Questions.Select(q => q.Question), answers.Asked.Select(q => q.Text));
        Assert.All(answers.Asked, q => Assert.Equal((10, null), (q.TopK, q.ConversationId)));
    }

    [Fact]
    public void Answer_terms_match_only_through_normalisation()
    {
        var gold = new GoldQuestion(1, "q", "?", EvaluationFixture.DocA, ["تحت إشراف الأمم المتحدة"], ["الأمم المتحدة"]);
        var answer = EvaluationFixture.Answers()["تحت إشراف من تجرى الانتخابات؟"];
        var spans = EvidenceLocator.FindAll(EvaluationFixture.Texts[EvaluationFixture.DocA], gold.Evidence[0]);

        var normalised = new QuestionScorer(EvaluationFixture.Analyzer.Normalize).Score(gold, spans, answer, 1, EvaluationFixture.Texts.GetValueOrDefault);
        var verbatim = new QuestionScorer(text => text).Score(gold, spans, answer, 1, EvaluationFixture.Texts.GetValueOrDefault);

        Assert.True(normalised.AnswerTermsHit);
        Assert.False(verbatim.AnswerTermsHit);
    }

    [Fact]
    public void Citation_with_offsets_outside_the_document_is_not_exact()
    {
        var gold = new GoldQuestion(1, "q", "?", null, [], []);
        var citation = EvaluationFixture.Cite(1, EvaluationFixture.DocB, "يوم السبت") with { Start = 1000, End = 1009 };
        var answer = new Answer("?", "x [1]", false, [citation], [], new AnswerTimings(0, 0));

        var result = new QuestionScorer(text => text).Score(gold, [], answer, 1, EvaluationFixture.Texts.GetValueOrDefault);

        Assert.Equal([false], result.CitationExact);
    }

    [Theory]
    [InlineData(new double[] { 5, 1, 4, 2, 3, 10, 7, 6, 9, 8 }, 5, 10, 10)]
    [InlineData(new double[] { 42 }, 42, 42, 42)]
    public void Latency_percentiles_use_the_nearest_rank(double[] values, double p50, double p95, double p99)
    {
        var latency = LatencySummary.From(values);

        Assert.Equal((p50, p95, p99), (latency.P50!.Value, latency.P95!.Value, latency.P99!.Value));
    }

    [Fact]
    public void Latency_percentiles_of_two_hundred_values()
    {
        var latency = LatencySummary.From(Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToList());

        Assert.Equal((100.0, 190.0, 198.0, 200.0), (latency.P50!.Value, latency.P95!.Value, latency.P99!.Value, latency.Max!.Value));
    }

    [Fact]
    public void Ratios_without_a_denominator_are_not_measurable()
    {
        var summary = EvaluationSummary.From([]);

        Assert.Null(summary.EvidenceRecall);
        Assert.Null(summary.AbstentionPrecision);
        Assert.Null(summary.DocumentRetrieval.Mrr);
        Assert.Null(summary.Latency.P50);
    }

    [Fact]
    public async Task Thresholds_report_each_metric_below_its_minimum()
    {
        var summary = (await EvaluationFixture.RunAsync()).Summary;

        var failures = new EvaluationThresholds(EvidenceRecall: 0.5, CitationExactness: 0.8, AbstentionRecall: 0.9).Check(summary);

        Assert.Equal(["citation exactness 0.75 is below the minimum 0.8", "abstention recall 0.5 is below the minimum 0.9"], failures);
    }
}
