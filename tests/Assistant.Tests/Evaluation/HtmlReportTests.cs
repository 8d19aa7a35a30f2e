using System.Text.RegularExpressions;
using Assistant.Evaluation;
using Xunit;

namespace Assistant.Tests.Evaluation;

public sealed class HtmlReportTests
{
    [Fact]
    public async Task Report_is_one_right_to_left_page_without_external_assets()
    {
        var html = new HtmlReportWriter().Render(await EvaluationFixture.RunAsync());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"<(script|link|img|iframe)\b|\b(src|href)\s*=|url\(|@import", RegexOptions.IgnoreCase), html);
        Assert.Equal(2, Regex.Matches(html, "<svg ").Count);
    }

    [Fact]
    public async Task Each_question_has_a_row_with_its_mark_citations_in_context_and_gold_evidence()
    {
        var html = new HtmlReportWriter().Render(await EvaluationFixture.RunAsync());

        var rows = Regex.Matches(html, "<tr class=\"(pass|fail)\" data-id=\"(q\\d)\">").Select(m => (m.Groups[2].Value, m.Groups[1].Value));
        Assert.Equal([("q1", "pass"), ("q2", "fail"), ("q3", "fail"), ("q4", "fail"), ("q5", "pass"), ("q6", "fail")], rows);
        var q1 = Row(html, "q1");
        Assert.Contains("المشترك\nصدر البيان في 11 تشرين الثاني 2017. وأكد الرئيسان أن الانتخابات ستجرى <mark class=\"cite\">تحت إشراف الأمم المتحدة</mark>. ولا يوجد", q1, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"gold\">تحت إشراف الأمم المتحدة</mark>", q1, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"bad\">وصل الوزير يوم السبت.</mark>", Row(html, "q3"), StringComparison.Ordinal);
        Assert.Contains("امتنع عن سؤال تجيب عنه الوثائق", Row(html, "q4"), StringComparison.Ordinal);
        // An abstention says why: the code the JSON gives, and its explanation in Arabic.
        Assert.Contains("سبب الامتناع: <code class=\"num\">answer-kind-missing</code> — لم أجد في النصوص", Row(html, "q4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_short_answer_has_a_column_with_its_grade_and_the_summary_a_card()
    {
        var run = await EvaluationFixture.RunAsync();
        var q1 = run.Results[0];
        var graded = run with
        {
            Results = [q1 with { Answer = q1.Answer with { ShortAnswer = "تحت إشراف الأمم المتحدة" }, ShortAnswer = new ShortAnswerGrade(false, ["لا تذكر الإجابة المختصرة: المهجر"]) }],
        };

        var html = new HtmlReportWriter().Render(graded);

        Assert.Contains("<th>الإجابة المختصرة</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"short\"><p><strong>تحت إشراف الأمم المتحدة</strong></p><span class=\"mark fail\"", Row(html, "q1"), StringComparison.Ordinal);
        Assert.Contains("لا تذكر الإجابة المختصرة: المهجر", Row(html, "q1"), StringComparison.Ordinal);
        Assert.Contains("دقة الإجابة المختصرة", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrieval_has_the_answer_order_the_fused_order_and_bm25_alone_side_by_side()
    {
        var run = await EvaluationFixture.RunAsync();

        var html = new HtmlReportWriter().Render(run);

        var table = Regex.Match(html, "<table id=\"retrieval\">.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, "<tr><th>([^<]*)</th><td class=\"num\">([^<]*)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(
            [
                ("ترتيب الإجابة", MetricFormat.Percent(run.Summary.EvidenceRetrieval.RecallAt[1])),
                ("البحث المدمج (BM25 + المتجهات)", MetricFormat.Percent(run.Summary.HybridEvidenceRetrieval.RecallAt[1])),
                ("BM25 وحده (خط الأساس)", MetricFormat.Percent(run.Summary.LexicalEvidenceRetrieval.RecallAt[1])),
            ],
            rows);
    }

    [Fact]
    public async Task Text_from_answers_and_gold_is_escaped()
    {
        var run = await EvaluationFixture.RunAsync();
        var hostile = run with { Results = [run.Results[0] with { Gold = run.Results[0].Gold with { Question = "<script>alert(1)</script>" } }] };

        var html = new HtmlReportWriter().Render(hostile);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
