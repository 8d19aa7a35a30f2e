using System.Buffers;
using System.Runtime.CompilerServices;

namespace Assistant.Retrieval;

/// <summary>Reciprocal rank fusion: score(d) = Σ over lists of 1 / (k + rank(d)), ranks from 1.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>A fused item, kept as a value: every search fuses the whole candidate pool.</summary>
    public readonly record struct Fused<T>(T Item, double Score, int? LexicalRank, int? DenseRank) where T : notnull;

    /// <summary>The best <paramref name="top"/> items by fused score, ties to the better lexical, then dense, rank.</summary>
    public static IReadOnlyList<Fused<T>> Fuse<T>(IReadOnlyList<T> lexical, IReadOnlyList<T> dense, int k, int top) where T : notnull
    {
        // From the pool and back after the search: the candidates' array was the largest thing a search allocated.
        var ranked = ArrayPool<Candidate<T>>.Shared.Rent(lexical.Count + dense.Count);
        try
        {
            return Fuse(lexical, dense, k, top, ranked);
        }
        finally
        {
            ArrayPool<Candidate<T>>.Shared.Return(ranked, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private static List<Fused<T>> Fuse<T>(IReadOnlyList<T> lexical, IReadOnlyList<T> dense, int k, int top, Candidate<T>[] ranked) where T : notnull
    {
        var n = 0;
        var positions = Positions<T>.Cleared(lexical.Count + dense.Count);
        for (var i = 0; i < lexical.Count; i++)
        {
            ref var entry = ref ranked[At(lexical[i])];
            entry = entry with { Score = entry.Score + 1.0 / (k + i + 1), Lexical = i + 1 };
        }
        for (var i = 0; i < dense.Count; i++)
        {
            ref var entry = ref ranked[At(dense[i])];
            entry = entry with { Score = entry.Score + 1.0 / (k + i + 1), Dense = i + 1 };
        }
        // A plain sort (no LINQ ordering per question): ranks are unique within a list and every item is in one, so the
        // order is total and any sort gives the same result.
        ranked.AsSpan(0, n).Sort(Candidate<T>.BestFirst);
        var count = Math.Clamp(top, 0, n);
        var fused = new List<Fused<T>>(count);
        for (var i = 0; i < count; i++) fused.Add(new Fused<T>(ranked[i].Item, ranked[i].Score, ranked[i].Lexical, ranked[i].Dense));
        return fused;

        // The item's place in the fused array, a new one for an item not seen yet.
        int At(T item)
        {
            if (positions.TryGetValue(item, out var at)) return at;
            ranked[n] = new(item, 0, null, null);
            return positions[item] = n++;
        }
    }

    /// <summary>
    /// Where each item stands in the fused array, one table per thread, cleared rather than made anew for every search:
    /// the tables a new dictionary allocated per search were a twentieth of what a question allocated.
    /// </summary>
    private static class Positions<T> where T : notnull
    {
        [ThreadStatic] private static Dictionary<T, int>? _table;

        public static Dictionary<T, int> Cleared(int capacity)
        {
            var table = _table ??= new Dictionary<T, int>(capacity);
            table.Clear();
            table.EnsureCapacity(capacity);
            return table;
        }
    }

    private readonly record struct Candidate<T>(T Item, double Score, int? Lexical, int? Dense)
    {
        public static readonly Comparison<Candidate<T>> BestFirst = (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0) return byScore;
            var byLexical = (a.Lexical ?? int.MaxValue).CompareTo(b.Lexical ?? int.MaxValue);
            return byLexical != 0 ? byLexical : (a.Dense ?? int.MaxValue).CompareTo(b.Dense ?? int.MaxValue);
        };
    }
}
