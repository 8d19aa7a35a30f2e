namespace Assistant.Retrieval;

/// <summary>Reciprocal rank fusion: score(d) = Σ over lists of 1 / (k + rank(d)), ranks from 1.</summary>
public static class ReciprocalRankFusion
{
    public sealed record Fused<T>(T Item, double Score, int? LexicalRank, int? DenseRank) where T : notnull;

    public static IReadOnlyList<Fused<T>> Fuse<T>(IReadOnlyList<T> lexical, IReadOnlyList<T> dense, int k, int top) where T : notnull
    {
        var entries = new Dictionary<T, (double Score, int? Lexical, int? Dense)>();
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
        return entries
            .OrderByDescending(e => e.Value.Score)
            .ThenBy(e => e.Value.Lexical ?? int.MaxValue)
            .ThenBy(e => e.Value.Dense ?? int.MaxValue)
            .Take(top)
            .Select(e => new Fused<T>(e.Key, e.Value.Score, e.Value.Lexical, e.Value.Dense))
            .ToList();
    }
}
