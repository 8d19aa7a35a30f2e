using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Chunking;

namespace Assistant.Answering.Llm;

/// <summary>A marker group in the model's reply: <c>[2]</c> or <c>[1, 3]</c> at <see cref="Index"/>.</summary>
public sealed record MarkerGroup(int Index, int Length, IReadOnlyList<int> Numbers);

/// <summary>One statement of the model's reply and the marker groups that follow it.</summary>
public sealed record ReplyClaim(string Text, IReadOnlyList<MarkerGroup> Groups);

/// <summary>
/// Splits a model reply into statements, each with the markers that cite it. A statement is the text before a
/// marker group (a sentence, or a clause when markers stand mid-sentence); markers that follow only punctuation or
/// other markers (<c>… أستانا. [1]</c>, <c>[1][2]</c>) belong to the statement before them.
/// </summary>
public static partial class ReplyParser
{
    /// <exception cref="ReplyRejectedException">A sentence carries no marker, a marker stands before any statement, or the reply says nothing.</exception>
    public static IReadOnlyList<ReplyClaim> Parse(string reply)
    {
        var claims = new List<(string Text, List<MarkerGroup> Groups)>();
        var position = 0;
        foreach (Match match in MarkerGroupPattern().Matches(reply))
        {
            var group = new MarkerGroup(match.Index, match.Length, Numbers(match.Groups[1].Value));
            var statements = Statements(reply, position, match.Index);
            if (statements.Count > 1)
            {
                throw Uncited(statements[0]);
            }

            if (statements.Count == 1)
            {
                claims.Add((statements[0], [group]));
            }
            else if (claims.Count > 0)
            {
                claims[^1].Groups.Add(group);
            }
            else
            {
                throw new ReplyRejectedException(RejectionReasons.Uncited, match.Value, detail: "the marker stands before any statement");
            }

            position = match.Index + match.Length;
        }

        var tail = Statements(reply, position, reply.Length);
        if (tail.Count > 0)
        {
            throw Uncited(tail[0]);
        }

        return claims.Count > 0
            ? claims.Select(c => new ReplyClaim(c.Text, c.Groups)).ToList()
            : throw new ReplyRejectedException(RejectionReasons.Empty, "", detail: "the reply is empty");
    }

    /// <summary>A line taken whole as one statement (the short answer), with whatever marker groups it carries.</summary>
    public static ReplyClaim Markers(string line) =>
        new(line, MarkerGroupPattern().Matches(line).Select(m => new MarkerGroup(m.Index, m.Length, Numbers(m.Groups[1].Value))).ToList());

    /// <summary>The text with its marker groups removed.</summary>
    public static string WithoutMarkers(string text) => MarkerGroupPattern().Replace(text, "");

    /// <summary>The sentences of <c>text[start..end)</c> that say something (punctuation alone does not).</summary>
    private static List<string> Statements(string text, int start, int end) =>
        SentenceSegmenter.Split(text, start, end)
            .Select(s => text[s.Start..s.End].Trim())
            .Where(s => s.Any(char.IsLetterOrDigit))
            .ToList();

    private static ReplyRejectedException Uncited(string sentence) => new(RejectionReasons.Uncited, sentence, sentence, detail: "the sentence carries no marker");

    // Digits may come back Arabic-Indic (١) or Extended Arabic-Indic (۱); lists may use the Arabic comma.
    private static int[] Numbers(string list) =>
        list.Split([',', '،'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.Aggregate(0, (value, digit) => checked((value * 10) + (int)CharUnicodeInfo.GetDecimalDigitValue(digit))))
            .ToArray();

    [GeneratedRegex(@"\[\s*(\d{1,3}(?:\s*[,،]\s*\d{1,3})*)\s*\]")]
    private static partial Regex MarkerGroupPattern();
}
