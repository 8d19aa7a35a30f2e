using System.Text;
using Assistant.Chunking;
using Assistant.Citations;
using Assistant.Storage;

namespace Assistant.Answering.Llm;

/// <summary>
/// Turns a model reply into an answer with verified citations, or rejects it. Every statement must carry a marker;
/// every marker must name a retrieved passage (marker n = passage n) that supports the statement; the citation is
/// the supporting sentence(s) mapped to document offsets; markers are renumbered 1..n in order of first use.
/// </summary>
public sealed class ReplyVerifier(ClaimSupportLocator locator)
{
    /// <exception cref="ReplyRejectedException">The reply is empty, declines to answer, or has a claim that is uncited, wrongly cited or unsupported.</exception>
    public GeneratedAnswer Verify(string reply, IReadOnlyList<ScoredPassage> passages)
    {
        if (reply.Contains(PromptLibrary.NoAnswerToken, StringComparison.Ordinal))
        {
            throw new ReplyRejectedException("the model found no answer in the passages");
        }

        var citations = new List<Citation>();
        var text = new StringBuilder();
        var position = 0;
        foreach (var claim in ReplyParser.Parse(reply))
        {
            var cited = claim.Groups.SelectMany(g => g.Numbers).Distinct().Select(n => PassageFor(n, passages)).ToList();
            RequireQuotesFound(claim.Text, cited);
            var written = new HashSet<int>();
            foreach (var group in claim.Groups)
            {
                // A claim names each citation once, however many of its passages showed the same sentence.
                var markers = group.Numbers.Select(n => MarkerFor(claim.Text, PassageFor(n, passages), n, citations)).Where(written.Add).ToList();
                text.Append(reply, position, group.Index - position).Append(string.Concat(markers.Select(m => $"[{m}]")));
                position = group.Index + group.Length;
            }
        }

        text.Append(reply, position, reply.Length - position);
        var answer = new GeneratedAnswer(text.ToString().Trim(), false, citations) { Generator = AnswerGenerators.Llm };
        var problems = CitationVerifier.Verify(answer.Text, citations, DocumentTextFrom(passages));
        return problems.Count == 0 ? answer : throw new ReplyRejectedException(string.Join("; ", problems));
    }

    private static Passage PassageFor(int marker, IReadOnlyList<ScoredPassage> passages) =>
        marker >= 1 && marker <= passages.Count
            ? passages[marker - 1].Passage
            : throw new ReplyRejectedException($"the marker [{marker}] names no passage (there are {passages.Count})");

    /// <summary>The new marker of the passage sentence(s) supporting the claim: an existing citation of the same span, or a new one.</summary>
    private int MarkerFor(string claim, Passage passage, int oldMarker, List<Citation> citations)
    {
        var (start, end) = locator.Locate(claim, passage.Text)
            ?? throw new ReplyRejectedException($"passage [{oldMarker}] does not support \"{claim}\"");
        var (documentStart, documentEnd) = (passage.Start + start, passage.Start + end);
        var existing = citations.Find(c => c.DocumentId == passage.DocumentId && c.Start == documentStart && c.End == documentEnd);
        if (existing is not null)
        {
            return existing.Marker;
        }

        var citation = new Citation(citations.Count + 1, passage.DocumentId, passage.Title, documentStart, documentEnd, passage.Text[start..end], passage.PassageId);
        citations.Add(citation);
        return citation.Marker;
    }

    /// <summary>A quotation the model presents as verbatim must appear in one of the passages it cites.</summary>
    private void RequireQuotesFound(string claim, IReadOnlyList<Passage> cited)
    {
        var invented = locator.Quotes(claim).FirstOrDefault(q => cited.All(p => locator.FindQuote(q, p.Text) is null));
        if (invented is not null)
        {
            throw new ReplyRejectedException($"the quotation «{invented}» is in none of the cited passages");
        }
    }

    /// <summary>
    /// Each document's text as far as the retrieved passages show it (they are exact slices of it), which is all a
    /// citation taken from those passages can touch; the answer service checks again against the stored documents.
    /// </summary>
    private static Func<string, string?> DocumentTextFrom(IReadOnlyList<ScoredPassage> passages)
    {
        var documents = passages.Select(p => p.Passage).GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g =>
        {
            var text = new char[g.Max(p => p.End)];
            foreach (var passage in g)
            {
                passage.Text.CopyTo(0, text, passage.Start, passage.Text.Length);
            }

            return new string(text);
        });
        return id => documents.GetValueOrDefault(id);
    }
}
