using Assistant.Analysis;

namespace Assistant.Answering.Normalization;

/// <summary>
/// Phrases written as Arabic is written, matched on the question's words in matching form (so «شكراً» meets «شكرا»
/// and «إمتى» «امتي»). The first word of a phrase may carry the conjunction و or ف («وشكراً», «فوين»).
/// </summary>
internal sealed class PhraseTable
{
    private static readonly ArabicTextAnalyzer Analyzer = new();
    private readonly Dictionary<string, Bucket> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _byLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> _byFirstBySpan;

    public PhraseTable(IEnumerable<string> phrases)
    {
        _byFirstBySpan = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var phrase in phrases)
        {
            var words = FormsOf(phrase);
            if (words.Length == 0) continue;
            if (!_byFirst.TryGetValue(words[0], out var bucket)) _byFirst[words[0]] = bucket = new Bucket();
            bucket.Add(words);
            Add(_byLast, words[^1], words);
        }
        // Longest first: «شكراً جزيلاً» before «شكراً».
        foreach (var bucket in _byFirst.Values) bucket.Sort();
        foreach (var list in _byLast.Values) Sort(list);
    }

    /// <summary>The words of a phrase in matching form.</summary>
    public static string[] FormsOf(string phrase) => Analyzer.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The length of the longest phrase that starts at <paramref name="from"/> and ends by <paramref name="to"/>; 0 when none does.</summary>
    /// <remarks>The phrases under the word as written first, then under it without its conjunction, as
    /// <see cref="Candidates"/> gives them, without an iterator: every word of every question is tried here.</remarks>
    public int MatchAt(IReadOnlyList<Word> words, int from, int to)
    {
        var form = words[from].Form;
        if (_byFirst.TryGetValue(form, out var exact) && FirstMatch(exact, words, from, to) is var length and > 0) return length;
        return HasConjunction(form) && _byFirstBySpan.TryGetValue(form.AsSpan(1), out var joined) ? FirstMatch(joined, words, from, to) : 0;
    }

    /// <summary>The length of the first of <paramref name="candidates"/> that starts at <paramref name="from"/> and ends by <paramref name="to"/>; 0 when none does.</summary>
    /// <remarks>A phrase of two words or more can only match when its second word is the next word: only those are tried
    /// (a common first word such as «حسب» opens hundreds of phrases).</remarks>
    private static int FirstMatch(Bucket candidates, IReadOnlyList<Word> words, int from, int to)
    {
        if (from + 1 <= to && candidates.BySecond.TryGetValue(words[from + 1].Form, out var longer))
        {
            foreach (var candidate in longer)
            {
                if (from + candidate.Length - 1 > to) continue;
                if (Matches(words, from, candidate)) return candidate.Length;
            }
        }
        return candidates.Single is { } single && from <= to && Matches(words, from, single) ? 1 : 0;
    }

    /// <summary>The length of the longest phrase that ends at <paramref name="to"/> and starts at or after <paramref name="from"/>; 0 when none does.</summary>
    public int MatchEndingAt(IReadOnlyList<Word> words, int from, int to)
    {
        foreach (var candidate in _byLast.GetValueOrDefault(words[to].Form) ?? [])
        {
            var start = to - candidate.Length + 1;
            if (start < from) continue;
            if (Matches(words, start, candidate)) return candidate.Length;
        }
        return 0;
    }

    /// <summary>The phrase that matched at <paramref name="from"/>, and the conjunction its first word carried ("" when none).</summary>
    public (string[] Phrase, string Conjunction) Matched(IReadOnlyList<Word> words, int from, int length)
    {
        var phrase = Candidates(_byFirst, words[from].Form).First(c => c.Length == length && Matches(words, from, c));
        return (phrase, words[from].Form == phrase[0] ? "" : words[from].Form[..1]);
    }

    private static IEnumerable<string[]> Candidates(Dictionary<string, Bucket> table, string form)
    {
        if (table.TryGetValue(form, out var exact)) foreach (var phrase in exact.All) yield return phrase;
        if (Conjunction(form) is { } bare && table.TryGetValue(bare, out var joined)) foreach (var phrase in joined.All) yield return phrase;
    }

    private static bool Matches(IReadOnlyList<Word> words, int start, string[] phrase)
    {
        var first = words[start].Form;
        if (first != phrase[0] && !(HasConjunction(first) && first.AsSpan(1).SequenceEqual(phrase[0]))) return false;
        for (var i = 1; i < phrase.Length; i++)
        {
            if (words[start + i].Form != phrase[i]) return false;
        }
        return true;
    }

    /// <summary>The word without a leading و or ف, when what is left is still a word of two letters or more.</summary>
    private static string? Conjunction(string form) => HasConjunction(form) ? form[1..] : null;

    /// <summary>Whether <see cref="Conjunction"/> takes a letter off the word: the matching paths look the rest up as a
    /// span of it, with no string per word of every question.</summary>
    private static bool HasConjunction(string form) => form.Length >= 3 && form[0] is 'و' or 'ف';

    private static void Add(Dictionary<string, List<string[]>> table, string key, string[] words)
    {
        if (!table.TryGetValue(key, out var list)) table[key] = list = [];
        list.Add(words);
    }

    private static void Sort(List<string[]> phrases) => phrases.Sort((a, b) => b.Length.CompareTo(a.Length));

    /// <summary>The phrases that open with one word: all of them, longest first, and by their second word.</summary>
    private sealed class Bucket
    {
        public List<string[]> All { get; } = [];

        /// <summary>The phrase that is the word alone, if any.</summary>
        public string[]? Single { get; private set; }

        public Dictionary<string, List<string[]>> BySecond { get; } = new(StringComparer.Ordinal);

        public void Add(string[] phrase)
        {
            All.Add(phrase);
            if (phrase.Length == 1) Single ??= phrase;
            else PhraseTable.Add(BySecond, phrase[1], phrase);
        }

        public void Sort()
        {
            PhraseTable.Sort(All);
            foreach (var list in BySecond.Values) PhraseTable.Sort(list);
        }
    }
}
