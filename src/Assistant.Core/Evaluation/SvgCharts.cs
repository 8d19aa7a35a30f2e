using System.Globalization;
using System.Text;

namespace Assistant.Evaluation;

/// <summary>Small inline SVG bar charts for the HTML report (no script, no external library, so the file stands alone).</summary>
internal static class SvgCharts
{
    private const int Width = 560;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 16;
    private const int Bottom = 40;
    private const int PlotWidth = Width - Left - Right;
    private const int PlotHeight = Height - Top - Bottom;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One bar per question (red when it failed) with p50/p95/p99 guide lines.</summary>
    public static string Latency(IReadOnlyList<(string Id, double Ms, bool Passed)> questions, LatencySummary latency)
    {
        var svg = Open("latency");
        var max = Math.Max(1e-3, questions.Count == 0 ? 1 : questions.Max(q => q.Ms)) * 1.1;
        Axis(svg, max, v => MetricFormat.Number(v));
        var slot = questions.Count == 0 ? PlotWidth : (double)PlotWidth / questions.Count;
        for (var i = 0; i < questions.Count; i++)
        {
            var (id, ms, passed) = questions[i];
            var h = ms / max * PlotHeight;
            var x = Left + (i * slot) + (slot * 0.15);
            svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{Top + PlotHeight - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{(passed ? "#5c85d6" : "#e57373")}\"><title>{HtmlReportWriter.Encode(id)}: {MetricFormat.Number(ms)} ms</title></rect>");
            if (questions.Count <= 40)
            {
                svg.Append(Invariant, $"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{Top + PlotHeight + 14}\" font-size=\"9\" text-anchor=\"middle\">{HtmlReportWriter.Encode(id)}</text>");
            }
        }

        foreach (var (label, value, colour) in new[] { ("p50", latency.P50, "#2e7d32"), ("p95", latency.P95, "#ef6c00"), ("p99", latency.P99, "#c62828") })
        {
            if (value is { } v)
            {
                var y = Top + PlotHeight - (v / max * PlotHeight);
                svg.Append(Invariant, $"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>");
                svg.Append(Invariant, $"<text x=\"{Left + PlotWidth - 2}\" y=\"{y - 3:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"{colour}\">{label} {MetricFormat.Number(v)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Recall at each cut-off k for the gold document and the gold evidence passage, side by side.</summary>
    public static string RecallAtK(RetrievalMetrics document, RetrievalMetrics evidence)
    {
        var svg = Open("recall");
        Axis(svg, 1, MetricFormat.Percent);
        var cutoffs = EvaluationSummary.RecallCutoffs;
        var slot = (double)PlotWidth / cutoffs.Count;
        for (var i = 0; i < cutoffs.Count; i++)
        {
            var k = cutoffs[i];
            foreach (var (series, metrics, colour, offset) in new[] { ("الوثيقة", document, "#5c85d6", 0.15), ("مقطع الدليل", evidence, "#66bb6a", 0.5) })
            {
                var value = metrics.RecallAt[k] ?? 0;
                var h = value * PlotHeight;
                var x = Left + (i * slot) + (slot * offset);
                svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{Top + PlotHeight - h:0.#}\" width=\"{slot * 0.33:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{series} recall@{k}: {MetricFormat.Percent(metrics.RecallAt[k])}</title></rect>");
            }

            svg.Append(Invariant, $"<text x=\"{Left + (i * slot) + (slot / 2):0.#}\" y=\"{Top + PlotHeight + 14}\" font-size=\"11\" text-anchor=\"middle\">k={k}</text>");
        }

        svg.Append(Invariant, $"<rect x=\"{Left}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"#5c85d6\"/><text x=\"{Left + 14}\" y=\"{Height - 5}\" font-size=\"11\">الوثيقة</text>");
        svg.Append(Invariant, $"<rect x=\"{Left + 90}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"#66bb6a\"/><text x=\"{Left + 104}\" y=\"{Height - 5}\" font-size=\"11\">مقطع الدليل</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string name) =>
        new StringBuilder().Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-{name}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" style=\"direction:ltr\" role=\"img\">");

    /// <summary>Y axis from 0 to max with four grid lines.</summary>
    private static void Axis(StringBuilder svg, double max, Func<double?, string> format)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Top + PlotHeight - (PlotHeight * i / 4.0);
            svg.Append(Invariant, $"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e3e6eb\"/>");
            svg.Append(Invariant, $"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{format(value)}</text>");
        }

        svg.Append(Invariant, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"#9aa4b5\"/>");
    }
}
