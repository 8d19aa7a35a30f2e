using System.Text;
using System.Text.RegularExpressions;
using Assistant.Citations;

namespace Assistant.Answering.Llm;

/// <summary>
/// Turns a model reply into an answer with verified citations, or rejects it naming every failing part. The reply may
/// open with a one-line short answer; every statement must carry a marker naming a prompt block (marker n = block n)
/// that supports all of its facts (<see cref="ClaimVerifier"/>); the short answer is verified the same way, against
/// the blocks it cites or else those the statements cite. Each citation is the supporting sentence(s) at their
/// document offsets; markers are renumbered 1..n in order of first use.
/// </summary>
public sealed partial class ReplyVerifier(ClaimVerifier claims)
{
    /// <summary>A first line of at most this many words, followed by more text, is the short answer.</summary>
    private const int MaxShortAnswerWords = 20;

    /// <exception cref="ReplyRejectedException">A statement or the short answer is uncited, wrongly cited or unsupported, or the reply is empty.</exception>
    public GeneratedAnswer Verify(string reply, IReadOnlyList<PromptSource> sources, string question)
    {
        var (shortLine, body) = SplitShortAnswer(reply.Trim());
        var questionTerms = claims.QuestionTerms(question);
        var facts = new Dictionary<int, ClaimVerifier.SourceFacts>();
        ClaimVerifier.SourceFacts FactsOf(int marker) => facts.TryGetValue(marker, out var read) ? read : facts[marker] = claims.Read(SourceFor(marker, sources));

        var rejections = new List<ClaimRejection>();
        var verified = new List<(ReplyClaim Claim, IReadOnlyList<ClaimSpan> Spans)>();
        foreach (var claim in ReplyParser.Parse(body))
        {
            var cited = Cited(claim, sources, rejections);
            if (cited.Count == 0) continue;
            var (spans, problems) = claims.Verify(Plain(claim.Text), cited.Select(FactsOf).ToList(), questionTerms);
            rejections.AddRange(problems);
            verified.Add((claim, spans));
        }

        ReplyClaim? shortClaim = null;
        IReadOnlyList<ClaimSpan> shortSpans = [];
        if (shortLine is not null)
        {
            // The short answer may carry its own marker; without one it must follow from what the statements cite.
            shortClaim = ReplyParser.Markers(shortLine);
            var cited = shortClaim.Groups.Count > 0 ? Cited(shortClaim, sources, rejections) : verified.SelectMany(v => v.Claim.Groups).SelectMany(g => g.Numbers).Distinct().Where(n => n >= 1 && n <= sources.Count).ToList();
            if (cited.Count > 0)
            {
                var (spans, problems) = claims.Verify(Plain(shortLine), cited.Select(FactsOf).ToList(), questionTerms);
                rejections.AddRange(problems);
                shortSpans = spans;
            }
        }
        if (rejections.Count > 0) throw new ReplyRejectedException(rejections);

        var citations = new List<Citation>();
        var text = new StringBuilder();
        if (shortClaim is not null)
        {
            text.Append(Renumbered(shortLine!, shortClaim, shortClaim.Groups.Count > 0 ? shortSpans : [], citations).Trim()).Append("\n\n");
        }
        var position = 0;
        var renumbered = new StringBuilder();
        foreach (var (claim, spans) in verified)
        {
            foreach (var group in claim.Groups)
            {
                renumbered.Append(body, position, group.Index - position);
                position = group.Index + group.Length;
                if (group == claim.Groups[^1]) renumbered.Append(MarkersFor(spans, citations));
            }
        }
        renumbered.Append(body, position, body.Length - position);
        text.Append(renumbered.ToString().Trim());

        var answer = new GeneratedAnswer(text.ToString(), false, citations)
        {
            Generator = AnswerGenerators.Llm,
            ShortAnswer = shortLine is null ? null : Plain(shortLine).TrimEnd('.', '،', '؛', ' '),
        };
        var mismatches = CitationVerifier.Verify(answer.Text, citations, DocumentTextFrom(sources));
        return mismatches.Count == 0
            ? answer
            : throw new ReplyRejectedException([.. mismatches.Select(m => new ClaimRejection(RejectionReasons.CitationMismatch, "", "", null, m))]);
    }

    /// <summary>The first line as the short answer when it is short and more follows; the rest as the body.</summary>
    private static (string? ShortLine, string Body) SplitShortAnswer(string reply)
    {
        var newline = reply.IndexOf('\n');
        if (newline < 0) return (null, reply);
        var first = ShortAnswerLabel().Replace(reply[..newline].Trim(), "");
        var rest = reply[(newline + 1)..].Trim();
        var words = Plain(first).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return rest.Length > 0 && words is > 0 and <= MaxShortAnswerWords ? (first, rest) : (null, reply);
    }

    /// <summary>The blocks a statement's markers name; a marker naming no block is a rejection.</summary>
    private static List<int> Cited(ReplyClaim claim, IReadOnlyList<PromptSource> sources, List<ClaimRejection> rejections)
    {
        var numbers = claim.Groups.SelectMany(g => g.Numbers).Distinct().ToList();
        foreach (var unknown in numbers.Where(n => n < 1 || n > sources.Count))
        {
            rejections.Add(new ClaimRejection(RejectionReasons.UnknownMarker, $"[{unknown}]", Plain(claim.Text), unknown, $"the prompt has {sources.Count} passages"));
        }
        return numbers.Where(n => n >= 1 && n <= sources.Count).ToList();
    }

    private static PromptSource SourceFor(int marker, IReadOnlyList<PromptSource> sources) => sources[marker - 1];

    /// <summary>The markers of the citations of <paramref name="spans"/>, reusing a citation of the same span.</summary>
    private static string MarkersFor(IReadOnlyList<ClaimSpan> spans, List<Citation> citations)
    {
        var markers = new List<int>();
        foreach (var span in spans)
        {
            var (start, end) = (span.Source.Start + span.Start, span.Source.Start + span.End);
            var citation = citations.Find(c => c.DocumentId == span.Source.DocumentId && c.Start == start && c.End == end);
            if (citation is null)
            {
                var passage = span.Source.PassageFor(start, end);
                citation = new Citation(citations.Count + 1, span.Source.DocumentId, passage.Title, start, end, span.Source.Text[span.Start..span.End], passage.PassageId);
                citations.Add(citation);
            }
            if (!markers.Contains(citation.Marker)) markers.Add(citation.Marker);
        }
        return string.Concat(markers.Select(m => $"[{m}]"));
    }

    private static string Renumbered(string line, ReplyClaim claim, IReadOnlyList<ClaimSpan> spans, List<Citation> citations)
    {
        if (claim.Groups.Count == 0) return line;
        var text = new StringBuilder();
        var position = 0;
        foreach (var group in claim.Groups)
        {
            text.Append(line, position, group.Index - position);
            position = group.Index + group.Length;
        }
        text.Insert(claim.Groups[0].Index, MarkersFor(spans, citations));
        return text.Append(line, position, line.Length - position).ToString();
    }

    /// <summary>A statement without its markers.</summary>
    private static string Plain(string text) => ReplyParser.WithoutMarkers(text).Trim();

    /// <summary>
    /// Each document's text as far as the prompt blocks show it (they are exact slices of it), which is all a citation
    /// taken from them can touch; the answer service checks again against the stored documents.
    /// </summary>
    private static Func<string, string?> DocumentTextFrom(IReadOnlyList<PromptSource> sources)
    {
        var documents = sources.GroupBy(s => s.DocumentId).ToDictionary(g => g.Key, g =>
        {
            var text = new char[g.Max(s => s.End)];
            foreach (var source in g) source.Text.CopyTo(0, text, source.Start, source.Text.Length);
            return new string(text);
        });
        return id => documents.GetValueOrDefault(id);
    }

    /// <summary>A label a model may put before its short answer despite the prompt: «الإجابة المختصرة:», «الجواب:».</summary>
    [GeneratedRegex(@"^\**\s*(?:ال)?(?:إجابة|اجابة|جواب)(?:\s+(?:ال)?مختصرة)?\s*\**\s*[:：]\s*\**\s*")]
    private static partial Regex ShortAnswerLabel();
}
