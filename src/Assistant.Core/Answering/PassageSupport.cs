namespace Assistant.Answering;

/// <summary>
/// Ranks the retrieved passages by how well each one answers: by the score of its best span, as the answerer reads the
/// question (rarity-weighted coverage, what the interrogative asks for, the checks). Fused retrieval ranks a passage by
/// the words it shares with the question anywhere in it; this ranks it by its best sentence, so the passage that says
/// the answer is listed first. For a two-part question a passage counts by its best span for either part.
/// </summary>
internal static class PassageSupport
{
    /// <summary>Per passage (by retrieval rank), the best score among <paramref name="spans"/>; −∞ for a passage with none.</summary>
    public static double[] Best(IEnumerable<(int Passage, double Score)> spans, int passages)
    {
        var best = new double[passages];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var (passage, score) in spans) best[passage] = Math.Max(best[passage], score);
        return best;
    }

    /// <summary>
    /// Passage indices: the cited passages first, in the order of their citations, then the others best supported first
    /// across the question's parts; ties, and passages without a span of their own (their sentences were scored in a
    /// better-ranked passage overlapping them), keep the retrieval order. Null when no part scored any span.
    /// </summary>
    public static IReadOnlyList<int>? Ranking(IEnumerable<int> cited, IReadOnlyList<double[]?> parts, int passages)
    {
        var scored = parts.OfType<double[]>().ToList();
        if (scored.Count == 0) return null;
        // Per passage, its best score across the parts: loops, not a delegate per passage (NaN ranks below any number, as in Max).
        var best = new double[passages];
        for (var i = 0; i < passages; i++)
        {
            var most = scored[0][i];
            for (var p = 1; p < scored.Count; p++)
            {
                if (scored[p][i] > most || double.IsNaN(most)) most = scored[p][i];
            }
            best[i] = most;
        }
        // Best first, ties to the earlier passage: the order LINQ's stable ordering by score gave, by a sort of the indices.
        var order = new int[passages];
        for (var i = 0; i < passages; i++) order[i] = i;
        Array.Sort(order, (a, b) => best[b].CompareTo(best[a]) is var byScore and not 0 ? byScore : a.CompareTo(b));
        var ranking = new List<int>(passages);
        var listed = new HashSet<int>(passages);
        foreach (var i in cited) if (listed.Add(i)) ranking.Add(i);
        foreach (var i in order) if (listed.Add(i)) ranking.Add(i);
        return ranking;
    }
}
