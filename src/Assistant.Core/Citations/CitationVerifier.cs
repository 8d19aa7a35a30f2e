using System.Text.RegularExpressions;
using Assistant.Answering;

namespace Assistant.Citations;

/// <summary>
/// Checks an answer's citations against the documents: every quote is the exact document slice at its offsets,
/// markers are numbered 1..n without gaps, each one appears in the answer text and the text cites no other.
/// Used by every answer generator and by the tests.
/// </summary>
public static partial class CitationVerifier
{
    /// <param name="documentText">Text of an indexed document by id, or null when unknown.</param>
    /// <returns>The problems found; empty when the citations are valid.</returns>
    public static IReadOnlyList<string> Verify(string answerText, IReadOnlyList<Citation> citations, Func<string, string?> documentText)
    {
        var problems = new List<string>();
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            if (c.Marker != i + 1) problems.Add($"citation {i + 1} has marker {c.Marker}; markers must run 1..{citations.Count}");
            var text = documentText(c.DocumentId);
            if (text is null)
            {
                problems.Add($"[{c.Marker}] cites unknown document '{c.DocumentId}'");
                continue;
            }
            if (c.Start < 0 || c.End > text.Length || c.Start >= c.End)
            {
                problems.Add($"[{c.Marker}] offsets {c.Start}..{c.End} are outside '{c.DocumentId}' (length {text.Length})");
                continue;
            }
            // Compared in place: a copy of every quote per answer is not needed to tell it is the slice.
            if (!text.AsSpan(c.Start, c.End - c.Start).SequenceEqual(c.Quote))
            {
                problems.Add($"[{c.Marker}] quote is not the text of '{c.DocumentId}' at {c.Start}..{c.End}");
            }
        }
        var used = Markers(answerText);
        foreach (var c in citations.Where(c => !used.Contains(c.Marker))) problems.Add($"[{c.Marker}] is never used in the answer");
        foreach (var marker in used.Where(m => m < 1 || m > citations.Count)) problems.Add($"the answer uses [{marker}] but has no such citation");
        return problems;
    }

    public static HashSet<int> Markers(string answerText)
    {
        var markers = new HashSet<int>();
        // A marker is «[» digits «]»: its number lies between the brackets, read without a Match object per marker.
        foreach (var marker in MarkerPattern().EnumerateMatches(answerText))
        {
            markers.Add(int.Parse(answerText.AsSpan(marker.Index + 1, marker.Length - 2), System.Globalization.CultureInfo.InvariantCulture));
        }
        return markers;
    }

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex MarkerPattern();
}
