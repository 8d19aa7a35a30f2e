using System.Security.Cryptography;
using System.Text;
using Assistant.Configuration;
using Assistant.Documents;
using Microsoft.Extensions.Options;

namespace Assistant.Chunking;

/// <summary>
/// Groups a document's sentences into passages of about <see cref="ChunkingOptions.TargetChars"/> characters, with a
/// small sentence overlap, never cutting a word, preferring paragraph ends. Offsets are exact UTF-16 offsets.
/// </summary>
public sealed class PassageChunker(IOptions<ChunkingOptions> options)
{
    private readonly ChunkingOptions _options = options.Value;

    public IReadOnlyList<Passage> Chunk(SourceDocument document)
    {
        var text = document.Text;
        var units = SplitUnits(text);
        var passages = new List<Passage>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var first = 0;
        while (first < units.Count)
        {
            var last = first;
            while (last + 1 < units.Count && ShouldExtend(text, units, first, last)) last++;
            var (start, end) = (units[first].Start, units[last].End);
            var passageText = text[start..end];
            passages.Add(new Passage(UniqueId(document.DocumentId, passageText, ids), document.DocumentId, document.Title, start, end, passageText, passages.Count));
            if (last + 1 >= units.Count) break;
            // Overlap: the next passage repeats the last sentence(s), unless that would make no progress.
            var next = Math.Max(last + 1 - _options.OverlapSentences, first + 1);
            first = next;
        }
        return passages;
    }

    private bool ShouldExtend(string text, IReadOnlyList<(int Start, int End)> units, int first, int last)
    {
        var length = units[last].End - units[first].Start;
        var nextLength = units[last + 1].End - units[first].Start;
        if (nextLength > _options.MaxChars) return false;
        if (length >= _options.TargetChars) return false;
        // A paragraph break past half the target is a better place to stop than mid-paragraph.
        return length < _options.TargetChars / 2 || !HasParagraphBreak(text, units[last].End, units[last + 1].Start);
    }

    /// <summary>Sentences, with any sentence longer than MaxChars split at clauses and then at spaces.</summary>
    private List<(int Start, int End)> SplitUnits(string text)
    {
        var units = new List<(int, int)>();
        foreach (var sentence in SentenceSegmenter.Split(text))
        {
            if (sentence.End - sentence.Start <= _options.MaxChars)
            {
                units.Add(sentence);
                continue;
            }
            foreach (var clause in SentenceSegmenter.SplitClauses(text, sentence.Start, sentence.End))
            {
                AddWordBounded(text, clause.Start, clause.End, units);
            }
        }
        return units;
    }

    private void AddWordBounded(string text, int start, int end, List<(int, int)> units)
    {
        while (end - start > _options.MaxChars)
        {
            var cut = text.LastIndexOf(' ', start + _options.MaxChars, _options.MaxChars);
            if (cut <= start) cut = start + _options.MaxChars; // one "word" longer than MaxChars: nothing better exists
            units.Add((start, TrimEnd(text, start, cut)));
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        if (end > start) units.Add((start, end));
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static bool HasParagraphBreak(string text, int from, int to) =>
        text.AsSpan(from, to - from).Count('\n') >= 2;

    /// <summary>Same document and same text give the same id; a repeated text within one document gets a suffix.</summary>
    private static string UniqueId(string documentId, string passageText, HashSet<string> used)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(documentId + "\u0000" + passageText));
        var id = Convert.ToHexStringLower(hash.AsSpan(0, 10));
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }
}
