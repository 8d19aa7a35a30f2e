using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;

namespace Assistant.Documents.Pdf;

/// <summary>One line of a PDF page in reading order, with where it sits (PDF points, y upwards).</summary>
public sealed record PdfLine(string Text, double Baseline, double FontSize, double Left, double Right, bool RightToLeft)
{
    /// <summary>A gap wider than this share of the font size between two glyphs with no space glyph is a word break.</summary>
    private const double WordGapShare = 0.2;

    /// <summary>Glyphs whose baselines differ by less than this share of the font size are on the same line.</summary>
    private const double SameLineShare = 0.35;

    /// <summary>The page's lines, top to bottom, each in reading order.</summary>
    public static IReadOnlyList<PdfLine> Read(Page page)
    {
        var groups = new List<List<Letter>>();
        // Letters proper set the lines; combining marks, which a font may raise or lower, join the nearest line after.
        // Stable sorts keep the content order for glyphs at the same spot, e.g. the two letters of a lam-alef ligature.
        var letters = page.Letters.Where(l => l.Value.Length > 0).ToLookup(IsMark);
        foreach (var letter in letters[false].OrderByDescending(l => l.StartBaseLine.Y))
        {
            var line = groups.Count > 0 ? groups[^1] : null;
            if (line is null || Math.Abs(line[0].StartBaseLine.Y - letter.StartBaseLine.Y) > SameLineShare * SizeOf(line[0]))
            {
                groups.Add(line = []);
            }
            line.Add(letter);
        }
        if (groups.Count == 0) return [];
        foreach (var mark in letters[true])
        {
            groups.MinBy(g => Math.Abs(g[0].StartBaseLine.Y - mark.StartBaseLine.Y))!.Add(mark);
        }
        var lines = new List<PdfLine>(groups.Count);
        foreach (var group in groups) AddLine(lines, group);
        return lines;
    }

    private static void AddLine(List<PdfLine> lines, List<Letter> letters)
    {
        var rightToLeft = VisualOrder.IsRightToLeft(string.Concat(letters.Select(l => l.Value)));
        var visual = InVisualOrder(letters, rightToLeft);
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in visual)
        {
            if (previous is not null && !IsSpace(previous) && !IsSpace(letter) && !IsMark(previous) && !IsMark(letter)
                && letter.StartBaseLine.X - previous.EndBaseLine.X > WordGapShare * SizeOf(letter))
            {
                text.Append(' ');
            }
            // A glyph standing for several characters (a ligature) maps to them in reading order; in a right-to-left
            // line they are reversed here so that reversing the whole line puts them back.
            text.Append(rightToLeft && letter.Value.Length > 1 && VisualOrder.IsRightToLeft(letter.Value) ? Reversed(letter.Value) : letter.Value);
            if (!IsMark(letter)) previous = letter;
        }
        var logical = VisualOrder.ToLogical(CollapseSpaces(text.ToString()));
        if (logical.Length == 0) return;
        lines.Add(new PdfLine(logical, letters[0].StartBaseLine.Y, letters.Max(SizeOf),
            letters.Min(l => l.BoundingBox.Left), letters.Max(l => l.BoundingBox.Right), rightToLeft));
    }

    /// <summary>
    /// Glyphs left to right by position; a combining mark (a haraka, tanwin, shadda) drawn over or under a letter goes
    /// with that letter: after it in a left-to-right line, before it in a right-to-left one, so that reversing the line
    /// yields letter then marks («ةً», not «ًة»).
    /// </summary>
    private static List<Letter> InVisualOrder(List<Letter> letters, bool rightToLeft)
    {
        var bases = letters.Where(l => !IsMark(l)).OrderBy(l => l.StartBaseLine.X).ToList();
        if (bases.Count == 0) return [.. letters.OrderBy(l => l.StartBaseLine.X)];
        var marksOf = letters.Where(IsMark).ToLookup(mark => bases.MinBy(b => DistanceTo(b, Centre(mark)))!);
        var visual = new List<Letter>(letters.Count);
        foreach (var letter in bases)
        {
            var marks = marksOf[letter];
            if (rightToLeft) visual.AddRange(marks.Reverse());
            visual.Add(letter);
            if (!rightToLeft) visual.AddRange(marks);
        }
        return visual;
    }

    private static double Centre(Letter letter) => (letter.BoundingBox.Left + letter.BoundingBox.Right) / 2;

    private static double DistanceTo(Letter letter, double x) =>
        x < letter.BoundingBox.Left ? letter.BoundingBox.Left - x : x > letter.BoundingBox.Right ? x - letter.BoundingBox.Right : 0;

    private static bool IsMark(Letter letter) => letter.Value.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    private static double SizeOf(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);

    private static bool IsSpace(Letter letter) => string.IsNullOrWhiteSpace(letter.Value);

    private static string Reversed(string value)
    {
        var chars = value.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
