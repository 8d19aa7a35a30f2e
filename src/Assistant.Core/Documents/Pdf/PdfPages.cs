using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Documents.Pdf;

/// <summary>
/// Joins the lines of a PDF's pages into text: running headers, footers and page numbers dropped; lines of one
/// paragraph joined by a space (Arabic is not hyphenated, so a line end is a word end); paragraphs and page breaks
/// separated by a blank line.
/// </summary>
public static partial class PdfPages
{
    /// <summary>How many lines at the top and at the bottom of a page can be a running header or footer.</summary>
    private const int EdgeLines = 2;

    /// <summary>A gap between baselines this much wider than the document's usual line pitch starts a paragraph.</summary>
    private const double ParagraphGapFactor = 1.15;

    /// <summary>A line that leaves more than this share of the column empty ends its paragraph.</summary>
    private const double ShortLineShare = 0.2;

    public static string Join(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var kept = pages.Select((lines, page) => lines.Where((line, i) => !IsRunning(pages, page, i)).ToList()).ToList();
        var pitch = UsualPitch(kept);
        // Where paragraphs are spaced apart, the spacing marks them; a line left short is then only a ragged edge.
        var spaced = Pitches(kept).Any(p => p > pitch * ParagraphGapFactor);
        var text = new StringBuilder();
        foreach (var lines in kept.Where(l => l.Count > 0))
        {
            if (text.Length > 0) text.Append("\n\n");
            var (left, right) = (lines.Min(l => l.Left), lines.Max(l => l.Right));
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0) text.Append(StartsParagraph(lines[i - 1], lines[i], pitch, spaced, left, right) ? "\n\n" : " ");
                text.Append(lines[i].Text);
            }
        }
        return text.ToString();
    }

    /// <summary>Lines whose type sizes differ by more than this factor are a heading and its text, not one paragraph.</summary>
    private const double TypeSizeChange = 1.2;

    private static bool StartsParagraph(PdfLine previous, PdfLine line, double pitch, bool spaced, double left, double right)
    {
        // A heading printed larger than its text (a browser's «Print to PDF» of an <h1>) is a paragraph of its own, however
        // close its text follows.
        if (!SameTypeSize(previous, line)) return true;
        var gap = (previous.Baseline - line.Baseline) / previous.FontSize;
        if (spaced) return gap > pitch * ParagraphGapFactor;
        var shortBy = previous.RightToLeft ? previous.Left - left : right - previous.Right;
        return shortBy > ShortLineShare * (right - left);
    }

    /// <summary>The pitch (baseline distance over font size) of lines inside a paragraph: the small end of all pitches.</summary>
    private static double UsualPitch(List<List<PdfLine>> pages)
    {
        var pitches = Pitches(pages).Order().ToList();
        return pitches.Count == 0 ? double.MaxValue : pitches[pitches.Count / 10];
    }

    /// <summary>Pitches between lines of one type size: a heading's larger type says nothing of the text's line pitch.</summary>
    private static IEnumerable<double> Pitches(List<List<PdfLine>> pages) => pages
        .SelectMany(lines => lines.Zip(lines.Skip(1)).Where(pair => SameTypeSize(pair.First, pair.Second)).Select(pair => (pair.First.Baseline - pair.Second.Baseline) / pair.First.FontSize))
        .Where(p => p > 0);

    private static bool SameTypeSize(PdfLine a, PdfLine b) => Math.Max(a.FontSize, b.FontSize) <= TypeSizeChange * Math.Min(a.FontSize, b.FontSize);

    /// <summary>A page number, or a line at the top or bottom that recurs (digits aside) on at least half the pages.</summary>
    private static bool IsRunning(IReadOnlyList<IReadOnlyList<PdfLine>> pages, int page, int index)
    {
        var lines = pages[page];
        if (index >= EdgeLines && index < lines.Count - EdgeLines) return false;
        var key = Shape(lines[index].Text);
        if (IsPageNumber(lines[index].Text)) return true;
        if (pages.Count < 2) return false;
        var recurring = pages.Count(p => EdgeOf(p).Any(l => Shape(l.Text) == key));
        return recurring >= Math.Max(2, (pages.Count + 1) / 2);
    }

    private static IEnumerable<PdfLine> EdgeOf(IReadOnlyList<PdfLine> lines) =>
        lines.Count <= 2 * EdgeLines ? lines : lines.Take(EdgeLines).Concat(lines.TakeLast(EdgeLines));

    /// <summary>A line's text with every number made alike, so «صفحة 3 من 9» on page 3 matches «صفحة 4 من 9».</summary>
    private static string Shape(string text) => Digits().Replace(text.Trim(), "#");

    private static bool IsPageNumber(string text) => Digits().IsMatch(text) && PageNumberWords().Replace(text, "").Length == 0;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>Everything a page-number line may hold besides the numbers: «- 3 -», «صفحة 3 من 9», «Page 3 of 9», «3/9».</summary>
    [GeneratedRegex(@"\d+|\s|[-–—/|.()]|صفحة|الصفحة|من|page|of", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberWords();
}
