namespace Assistant.Retrieval;

/// <summary>Reciprocal rank fusion: score(d) = Σ over lists of 1 / (k + rank(d)), ranks from 1.</summary>
public static class ReciprocalRankFusion
{
    public sealed record Fused<T>(T Item, double Score, int? LexicalRank, int? DenseRank) where T : notnull;

    /// <summary>The best <paramref name="top"/> items by fused score, ties to the better lexical, then dense, rank.</summary>
    public static IReadOnlyList<Fused<T>> Fuse<T>(IReadOnlyList<T> lexical, IReadOnlyList<T> dense, int k, int top) where T : notnull
    {
        var entries = new Dictionary<T, (double Score, int? Lexical, int? Dense)>(lexical.Count + dense.Count);
        for (var i = 0; i < lexical.Count; i++)
        {
            var e = entries.GetValueOrDefault(lexical[i]);
            entries[lexical[i]] = (e.Score + 1.0 / (k + i + 1), i + 1, e.Dense);
        }
        for (var i = 0; i < dense.Count; i++)
        {
            var e = entries.GetValueOrDefault(dense[i]);
            entries[dense[i]] = (e.Score + 1.0 / (k + i + 1), e.Lexical, i + 1);
        }

        var ranked = new Candidate<T>[entries.Count];
        var n = 0;
        foreach (var (item, (score, lexicalRank, denseRank)) in entries) ranked[n++] = new(item, score, lexicalRank, denseRank);
        // A plain sort (no LINQ ordering per question): ranks are unique within a list and every item is in one, so the
        // order is total and any sort gives the same result.
        Array.Sort(ranked, Candidate<T>.BestFirst);
        var count = Math.Clamp(top, 0, ranked.Length);
        var fused = new List<Fused<T>>(count);
        for (var i = 0; i < count; i++) fused.Add(new Fused<T>(ranked[i].Item, ranked[i].Score, ranked[i].Lexical, ranked[i].Dense));
        return fused;
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
