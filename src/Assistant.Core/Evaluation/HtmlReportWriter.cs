using System.Globalization;
using System.Net;
using System.Text;
using Assistant.Answering;

namespace Assistant.Evaluation;

/// <summary>
/// Writes an evaluation run as one self-contained right-to-left HTML page (inline CSS and SVG, no external assets)
/// for an evaluator to open in a browser: summary figures, latency and recall@k charts, and one row per question
/// with the short answer and its grade, the answer, each citation highlighted inside its document, the gold evidence, and pass/fail marks.
/// </summary>
public sealed class HtmlReportWriter
{
    /// <summary>Characters of document text shown on each side of a highlighted quote.</summary>
    private const int ContextChars = 160;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task WriteAsync(EvaluationRun run, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, Render(run), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    public string Render(EvaluationRun run)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>تقرير تقييم المساعد</title>
            <style>
            body{font-family:"Noto Naskh Arabic","DejaVu Sans",Tahoma,sans-serif;margin:1.5rem;color:#1d2330;background:#fafbfc;line-height:1.7}
            h1{margin:0 0 .25rem}h2{margin-top:2rem}
            .meta{color:#5b6475;margin:0}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
            .card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:.6rem .9rem;min-width:9rem}
            .card .value{font-size:1.5rem;font-weight:bold;direction:ltr;unicode-bidi:isolate}
            .card .label{color:#5b6475;font-size:.9rem}
            .charts{display:flex;flex-wrap:wrap;gap:1.5rem}
            figure{margin:0;background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:.5rem}
            figcaption{font-weight:bold;margin-bottom:.25rem}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid #dde1e8;padding:.5rem;vertical-align:top;text-align:start}
            th{background:#eef1f5}
            #questions col.id{width:4%}#questions col.q{width:12%}#questions col.s{width:12%}#questions col.a{width:28%}#questions col.g{width:24%}#questions col.m{width:10%}#questions col.r{width:10%}
            tr.fail td:first-child{border-inline-start:4px solid #c62828}
            tr.pass td:first-child{border-inline-start:4px solid #2e7d32}
            .mark{font-weight:bold;font-size:1.2rem}.mark.pass{color:#2e7d32}.mark.fail{color:#c62828}
            .context{margin:.3rem 0 .6rem;padding:.4rem .6rem;background:#f5f6f8;border-inline-start:3px solid #9aa4b5;white-space:pre-wrap}
            .source{color:#5b6475;font-size:.85rem}
            mark.cite{background:#ffe082}mark.gold{background:#a5d6a7}mark.bad{background:#ef9a9a}
            .failures{color:#c62828;margin:.3rem 0 0;padding-inline-start:1.2rem}
            .num{direction:ltr;unicode-bidi:isolate}
            .problems li{color:#8a4b00}
            .reason{color:#5b6475;margin:.3rem 0}
            </style>
            </head>
            <body>
            """);
        html.Append("<h1>تقرير تقييم المساعد</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">تاريخ التشغيل: <span class=\"num\">{Encode(run.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant))}</span> · المقاطع المسترجعة لكل سؤال: <span class=\"num\">{run.TopK}</span></p>");
        AppendSummary(html, run.Summary);
        AppendCharts(html, run);
        AppendRetrieval(html, run.Summary);
        AppendProblems(html, run.Problems);
        AppendQuestions(html, run);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, EvaluationSummary s)
    {
        html.Append("<h2>الملخص</h2><div class=\"cards\" id=\"summary\">");
        Card(html, "نجحت", $"{s.Passed}/{s.Questions}");
        Card(html, "دقة الاستشهادات", MetricFormat.Percent(s.CitationExactness));
        Card(html, "استدعاء الأدلة", MetricFormat.Percent(s.EvidenceRecall));
        Card(html, "إصابة مصطلحات الإجابة", MetricFormat.Percent(s.AnswerTermHit));
        Card(html, "دقة الإجابة المختصرة", MetricFormat.Percent(s.ShortAnswerAccuracy));
        Card(html, "دقة الامتناع", MetricFormat.Percent(s.AbstentionPrecision));
        Card(html, "استدعاء الامتناع", MetricFormat.Percent(s.AbstentionRecall));
        Card(html, "MRR للوثيقة", MetricFormat.Number(s.DocumentRetrieval.Mrr));
        Card(html, "MRR لمقطع الدليل", MetricFormat.Number(s.EvidenceRetrieval.Mrr));
        Card(html, "زمن p50 / p95 / p99 (ms)", $"{MetricFormat.Number(s.Latency.P50)} / {MetricFormat.Number(s.Latency.P95)} / {MetricFormat.Number(s.Latency.P99)}");
        if (s.ModelAnswers is { } model) Card(html, "إجابات النموذج اللغوي", model.ToString());
        html.Append("</div>");
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append($"<div class=\"card\"><div class=\"value\">{Encode(value)}</div><div class=\"label\">{Encode(label)}</div></div>");

    private static void AppendCharts(StringBuilder html, EvaluationRun run)
    {
        html.Append("<h2>الرسوم</h2><div class=\"charts\">");
        html.Append("<figure id=\"latency-chart\"><figcaption>زمن الإجابة لكل سؤال (ms)</figcaption>");
        html.Append(SvgCharts.Latency(run.Results.Select(r => (r.Gold.Id, r.LatencyMs, r.Passed)).ToList(), run.Summary.Latency));
        html.Append("</figure><figure id=\"recall-chart\"><figcaption>الاستدعاء عند k (الوثيقة ومقطع الدليل)</figcaption>");
        html.Append(SvgCharts.RecallAtK(run.Summary.DocumentRetrieval, run.Summary.EvidenceRetrieval));
        html.Append("</figure></div>");
    }

    /// <summary>
    /// Where the evidence passage stood in each of the three orders: the answer's (the fused candidates re-ranked by the
    /// sentence that best answers), the fused BM25 + dense order before that, and BM25 alone, the baseline.
    /// </summary>
    private static void AppendRetrieval(StringBuilder html, EvaluationSummary s)
    {
        html.Append("<h2>ترتيب مقطع الدليل مقارنةً بـ BM25 وحده</h2><table id=\"retrieval\"><thead><tr><th>الترتيب</th>");
        foreach (var k in EvaluationSummary.RecallCutoffs) html.Append(Invariant, $"<th class=\"num\">@{k}</th>");
        html.Append("<th class=\"num\">MRR</th></tr></thead><tbody>");
        foreach (var (label, metrics) in new[] { ("ترتيب الإجابة", s.EvidenceRetrieval), ("البحث المدمج (BM25 + المتجهات)", s.HybridEvidenceRetrieval), ("BM25 وحده (خط الأساس)", s.LexicalEvidenceRetrieval) })
        {
            html.Append(Invariant, $"<tr><th>{Encode(label)}</th>");
            foreach (var k in EvaluationSummary.RecallCutoffs) html.Append(Invariant, $"<td class=\"num\">{Encode(MetricFormat.Percent(metrics.RecallAt[k]))}</td>");
            html.Append(Invariant, $"<td class=\"num\">{Encode(MetricFormat.Number(metrics.Mrr))}</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendProblems(StringBuilder html, IReadOnlyList<GoldProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        html.Append("<h2>مشكلات ملف الإجابات المرجعية</h2><ul class=\"problems\" dir=\"auto\">");
        foreach (var problem in problems)
        {
            html.Append($"<li dir=\"ltr\">{Encode(problem.ToString())}</li>");
        }

        html.Append("</ul>");
    }

    private static void AppendQuestions(StringBuilder html, EvaluationRun run)
    {
        html.Append("""
            <h2>الأسئلة</h2>
            <table id="questions"><colgroup><col class="id"><col class="q"><col class="s"><col class="a"><col class="g"><col class="m"><col class="r"></colgroup><thead><tr><th>المعرّف</th><th>السؤال</th><th>الإجابة المختصرة</th><th>الإجابة والاستشهادات</th><th>الدليل المرجعي</th><th>المقاييس</th><th>النتيجة</th></tr></thead><tbody>
            """);
        foreach (var result in run.Results)
        {
            var text = result.Gold.DocumentId is { } gold ? run.Documents.GetValueOrDefault(gold) : null;
            html.Append($"<tr class=\"{(result.Passed ? "pass" : "fail")}\" data-id=\"{Encode(result.Gold.Id)}\">");
            html.Append($"<td class=\"num\">{Encode(result.Gold.Id)}</td><td>{Encode(result.Gold.Question)}</td><td class=\"short\">");
            AppendShortAnswer(html, result);
            html.Append("</td><td>");
            AppendAnswer(html, result, run.Documents);
            html.Append("</td><td>");
            if (text is null)
            {
                html.Append("<em>لا جواب في الوثائق (ينبغي الامتناع)</em>");
            }

            foreach (var span in result.EvidenceSpans)
            {
                html.Append($"<div class=\"source num\">{Encode(result.Gold.DocumentId!)} [{span.Start}–{span.End})</div>");
                AppendContext(html, text!, span.Start, span.End, "gold");
            }

            html.Append("</td><td>");
            AppendMetrics(html, result);
            html.Append($"</td><td><span class=\"mark {(result.Passed ? "pass\" title=\"نجح\">✓" : "fail\" title=\"أخفق\">✗")}</span>");
            if (!result.Passed)
            {
                html.Append("<ul class=\"failures\">");
                foreach (var failure in result.Failures)
                {
                    html.Append($"<li>{Encode(failure)}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>The short answer with its grade: ✓ when right, else ✗ and why.</summary>
    private static void AppendShortAnswer(StringBuilder html, QuestionResult result)
    {
        if (result.Answer.ShortAnswer is { } shortAnswer) html.Append($"<p><strong>{Encode(shortAnswer)}</strong></p>");
        if (result.ShortAnswer is not { } grade) return;
        html.Append($"<span class=\"mark {(grade.Correct ? "pass\" title=\"صحيحة\">✓" : "fail\" title=\"غير صحيحة\">✗")}</span>");
        if (grade.Correct) return;
        html.Append("<ul class=\"failures\">");
        foreach (var problem in grade.Problems) html.Append($"<li>{Encode(problem)}</li>");
        html.Append("</ul>");
    }

    private static void AppendAnswer(StringBuilder html, QuestionResult result, IReadOnlyDictionary<string, string> documents)
    {
        html.Append($"<p class=\"answer\">{(result.Answer.Abstained ? "<strong>امتنع:</strong> " : "")}{Encode(result.Answer.Text)}</p>");
        if (result.Answer is { Abstained: true, AbstainReason: { } reason })
        {
            // The code the JSON and the logs give, and what it means in the words the asker was told.
            var why = result.Answer.AbstainExplanation ?? AbstentionExplanations.For(reason);
            html.Append($"<p class=\"reason\">سبب الامتناع: <code class=\"num\">{Encode(reason)}</code>{(why is null ? "" : " — " + Encode(why))}</p>");
        }
        for (var i = 0; i < result.Answer.Citations.Count; i++)
        {
            var citation = result.Answer.Citations[i];
            var exact = result.CitationExact[i];
            html.Append($"<div class=\"source\"><span class=\"num\">[{citation.Marker}] {Encode(citation.DocumentId)} [{citation.Start}–{citation.End})</span>");
            html.Append(exact ? " ✓ اقتباس مطابق" : " ✗ الاقتباس لا يطابق نص الوثيقة");
            html.Append("</div>");
            if (exact)
            {
                AppendContext(html, documents[citation.DocumentId], citation.Start, citation.End, "cite");
            }
            else
            {
                html.Append($"<div class=\"context\"><mark class=\"bad\">{Encode(citation.Quote)}</mark></div>");
            }
        }
    }

    private static void AppendMetrics(StringBuilder html, QuestionResult result)
    {
        html.Append("<ul class=\"metrics\">");
        if (result.EvidenceHit is { } hit)
        {
            html.Append($"<li>الدليل: {(hit ? "✓" : "✗")}</li>");
        }

        if (result.Gold.AnswerTerms.Count > 0)
        {
            html.Append($"<li>المصطلحات: <span class=\"num\">{result.AnswerTermsFound.Count}/{result.Gold.AnswerTerms.Count}</span></li>");
        }

        if (result.Gold.Answerable)
        {
            html.Append($"<li>رتبة الوثيقة: <span class=\"num\">{Rank(result.DocumentRank)}</span></li>");
            html.Append($"<li>رتبة مقطع الدليل: <span class=\"num\">{Rank(result.EvidenceRank)}</span></li>");
        }

        html.Append($"<li>الزمن: <span class=\"num\">{MetricFormat.Number(result.LatencyMs)} ms</span></li></ul>");
    }

    /// <summary>The quote marked inside its surrounding text, cut at word boundaries.</summary>
    private static void AppendContext(StringBuilder html, string text, int start, int end, string markClass)
    {
        var from = Math.Max(0, start - ContextChars);
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        var to = Math.Min(text.Length, end + ContextChars);
        while (to < text.Length && to > end && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }

        html.Append("<div class=\"context\">");
        html.Append(from > 0 ? "… " : "").Append(Encode(text[from..start]));
        html.Append($"<mark class=\"{markClass}\">{Encode(text[start..end])}</mark>");
        html.Append(Encode(text[end..to])).Append(to < text.Length ? " …" : "").Append("</div>");
    }

    private static string Rank(int? rank) => rank?.ToString(Invariant) ?? "—";

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
