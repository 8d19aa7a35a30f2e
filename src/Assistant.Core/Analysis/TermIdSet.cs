using System.Collections;
using System.Numerics;

namespace Assistant.Analysis;

/// <summary>
/// A fixed set of term numbers (<see cref="TermIds"/>), such as a passage's distinct terms: an open-addressed table in
/// one array, at most half full, so that a number not in it (most of those looked up) is told by a short probe run in
/// one place in memory. Built once, read by any number of threads.
/// </summary>
public sealed class TermIdSet : IReadOnlyCollection<int>
{
    private const int Empty = -1;

    private readonly int[] _slots;
    private readonly int _shift;

    /// <param name="ids">Term numbers (never negative); repeats are kept once.</param>
    public TermIdSet(IEnumerable<int> ids)
    {
        var distinct = ids.ToHashSet();
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, distinct.Count * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = new int[size];
        Array.Fill(_slots, Empty);
        foreach (var id in distinct)
        {
            var slot = Home(id);
            while (_slots[slot] != Empty) slot = (slot + 1) & (size - 1);
            _slots[slot] = id;
        }
        Count = distinct.Count;
    }

    public int Count { get; }

    public bool Contains(int id) => SlotOf(id) >= 0;

    /// <summary>Where <paramref name="id"/> is in the table (below <see cref="Slots"/>), −1 when it is not in the set:
    /// a table of values kept per number is indexed by it.</summary>
    public int SlotOf(int id)
    {
        if (id < 0) return -1;
        var mask = _slots.Length - 1;
        for (var slot = Home(id); ; slot = (slot + 1) & mask)
        {
            var found = _slots[slot];
            if (found == id) return slot;
            if (found == Empty) return -1;
        }
    }

    /// <summary>The size of the table <see cref="SlotOf"/> indexes.</summary>
    public int Slots => _slots.Length;

    /// <summary>Fibonacci hashing: term numbers are consecutive, and the multiplication spreads them over the table.</summary>
    private int Home(int id) => (int)(((uint)id * 0x9E3779B9u) >> _shift);

    /// <summary>The numbers, in no particular order.</summary>
    public IEnumerator<int> GetEnumerator() => _slots.Where(id => id != Empty).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
