using System.Numerics;

namespace Assistant.Answering;

/// <summary>
/// Which sentences of one passage hold each key (the number of a term or of a rough root, <see cref="Analysis.TermIds"/>),
/// built once per passage. Every question looks each of its words up in each retrieved passage, and most are not
/// there: an open-addressed table of slots over one array of sentence numbers answers with one probe run in one
/// array, where a dictionary of lists touched its buckets, its entries and then a list.
/// </summary>
internal sealed class SentenceIndex
{
    private const int Empty = -1;

    /// <param name="Key">The key, or <see cref="Empty"/>.</param>
    /// <param name="Start">Where its sentences start in <see cref="_sentences"/>.</param>
    /// <param name="Count">How many sentences hold it.</param>
    private readonly record struct Slot(int Key, int Start, int Count);

    private readonly Slot[] _slots;
    private readonly int _shift;
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
        // At most half full, so that a probe run is short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, lists.Count * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = new Slot[size];
        Array.Fill(_slots, new Slot(Empty, 0, 0));
        _sentences = new int[lists.Values.Sum(l => l.Count)];
        var next = 0;
        foreach (var (key, list) in lists)
        {
            var slot = Home(key);
            while (_slots[slot].Key != Empty) slot = (slot + 1) & (size - 1);
            _slots[slot] = new Slot(key, next, list.Count);
            list.CopyTo(_sentences, next);
            next += list.Count;
        }
    }

    /// <summary>The sentences that hold <paramref name="key"/>, in order; none when no sentence does.</summary>
    public ReadOnlySpan<int> Sentences(int key)
    {
        var mask = _slots.Length - 1;
        for (var slot = Home(key); ; slot = (slot + 1) & mask)
        {
            var found = _slots[slot];
            if (found.Key == key) return _sentences.AsSpan(found.Start, found.Count);
            if (found.Key == Empty) return [];
        }
    }

    public bool Contains(int key) => !Sentences(key).IsEmpty;

    /// <summary>Every key some sentence holds, in no particular order.</summary>
    public IEnumerable<int> Keys => _slots.Where(s => s.Key != Empty).Select(s => s.Key);

    /// <summary>Fibonacci hashing: term numbers are consecutive, and the multiplication spreads them over the table.</summary>
    private int Home(int key) => (int)(((uint)key * 0x9E3779B9u) >> _shift);
}
