using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>
/// Which sentences of one passage hold each key (the number of a term or of a rough root, <see cref="TermIds"/>), built
/// once per passage. Every question looks each of its words up in each retrieved passage, and most are not there: the
/// keys are a <see cref="TermIdSet"/> (one probe run in one array), and the sentences of a key found are a range of one
/// array of sentence numbers, where a dictionary of lists touched its buckets, its entries and then a list.
/// </summary>
internal sealed class SentenceIndex
{
    private readonly TermIdSet _keys;
    /// <summary>Per slot of <see cref="_keys"/>: where its sentences start in <see cref="_sentences"/>, and how many.</summary>
    private readonly (int Start, int Count)[] _ranges;
    private readonly int[] _sentences;

    /// <param name="keysOf">Per sentence, in order, its distinct keys.</param>
    public SentenceIndex(IReadOnlyList<IEnumerable<int>> keysOf)
    {
        var lists = new Dictionary<int, List<int>>();
        for (var s = 0; s < keysOf.Count; s++)
        {
            foreach (var key in keysOf[s])
            {
                if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
                list.Add(s);
            }
        }
        _keys = new TermIdSet(lists.Keys);
        _ranges = new (int, int)[_keys.Slots];
        _sentences = new int[lists.Values.Sum(l => l.Count)];
        var next = 0;
        foreach (var (key, list) in lists)
        {
            _ranges[_keys.SlotOf(key)] = (next, list.Count);
            list.CopyTo(_sentences, next);
            next += list.Count;
        }
    }

    /// <summary>The sentences that hold <paramref name="key"/>, in order; none when no sentence does.</summary>
    public ReadOnlySpan<int> Sentences(int key) =>
        _keys.SlotOf(key) is var slot and >= 0 ? _sentences.AsSpan(_ranges[slot].Start, _ranges[slot].Count) : [];

    public bool Contains(int key) => _keys.Contains(key);

    /// <summary>Every key some sentence holds, in no particular order.</summary>
    public IEnumerable<int> Keys => _keys;
}
