using System.Text;
using Assistant.Chunking;
using Assistant.Storage;

namespace Assistant.Answering.Llm;

/// <summary>
/// One numbered block of the Answer prompt: a stretch of one document made of the retrieved passages that overlap
/// there (passages share a sentence at their edges, and a follow-up keeps the previous answer's passages: each sentence
/// is shown once), labelled with the document's title line. Marker <c>[Number]</c> in the model's reply means this block.
/// </summary>
/// <param name="Start">Offset of <see cref="Text"/> in the document.</param>
/// <param name="Passages">The retrieved passages it is made of, by document order.</param>
public sealed record PromptSource(int Number, string DocumentId, string Title, int Start, string Text, IReadOnlyList<Passage> Passages)
{
    public int End => Start + Text.Length;

    /// <summary>The passage a cited span of this block lies in (the first that holds it whole, else the first it overlaps).</summary>
    public Passage PassageFor(int documentStart, int documentEnd) =>
        Passages.FirstOrDefault(p => p.Start <= documentStart && documentEnd <= p.End)
        ?? Passages.First(p => p.Start < documentEnd && documentStart < p.End);

    /// <summary>
    /// The retrieved passages as prompt blocks: overlapping or nested passages of a document merged into one, blocks
    /// ordered by their best passage's rank, each titled by <paramref name="titleOf"/>.
    /// </summary>
    public static IReadOnlyList<PromptSource> From(IReadOnlyList<ScoredPassage> passages, Func<Passage, string> titleOf)
    {
        var rank = new Dictionary<Passage, int>();
        for (var i = 0; i < passages.Count; i++) rank.TryAdd(passages[i].Passage, i);

        var blocks = new List<(int Rank, List<Passage> Members)>();
        foreach (var document in passages.Select(p => p.Passage).Distinct().GroupBy(p => p.DocumentId))
        {
            List<Passage>? current = null;
            foreach (var passage in document.OrderBy(p => p.Start).ThenByDescending(p => p.End))
            {
                if (current is not null && passage.Start < current.Max(p => p.End))
                {
                    current.Add(passage);
                    continue;
                }
                current = [passage];
                blocks.Add((0, current));
            }
        }

        return blocks
            .Select(b => (Rank: b.Members.Min(p => rank[p]), b.Members))
            .OrderBy(b => b.Rank)
            .Select((b, i) => Merge(i + 1, b.Members, titleOf(b.Members[0])))
            .ToList();
    }

    private static PromptSource Merge(int number, List<Passage> members, string title)
    {
        var start = members.Min(p => p.Start);
        var text = new char[members.Max(p => p.End) - start];
        // Passages are exact slices of the document, so where they overlap they agree character for character.
        foreach (var passage in members) passage.Text.CopyTo(0, text, passage.Start - start, passage.Text.Length);
        return new PromptSource(number, members[0].DocumentId, title, start, new string(text), members);
    }

    /// <summary>The blocks as the prompt shows them: <c>[n] title</c> on its own line, the text below, a blank line between blocks.</summary>
    public static string Format(IReadOnlyList<PromptSource> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            text.Append('[').Append(source.Number).Append("] ").AppendLine(DisplayText.OneLine(source.Title))
                .AppendLine(source.Text.Trim()).AppendLine();
        }
        return text.ToString().TrimEnd();
    }
}
