using Assistant.Retrieval;

namespace Assistant.Tests.Retrieval;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Equal_scores_go_to_the_better_lexical_then_dense_rank()
    {
        // 7 is 1st lexical only, 8 is 1st dense only: same score, lexical wins. 9 is 2nd in both.
        var fused = ReciprocalRankFusion.Fuse<int>([7, 9], [8, 9], k: 60, top: 10);

        Assert.Equal([9, 7, 8], fused.Select(f => f.Item));
        Assert.Equal((2, 2), (fused[0].LexicalRank, fused[0].DenseRank));
        Assert.Equal(2.0 / 62, fused[0].Score);
        Assert.Equal((1, (int?)null), (fused[1].LexicalRank, fused[1].DenseRank));
    }

    [Fact]
    public void Ranks_as_the_definition_sorted_with_LINQ_on_random_lists()
    {
        var random = new Random(11);
        for (var run = 0; run < 500; run++)
        {
            var lexical = Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(random.Next(0, 41)).ToList();
            var dense = Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(random.Next(0, 41)).ToList();
            var top = random.Next(0, 50);

            var fused = ReciprocalRankFusion.Fuse(lexical, dense, 60, top);

            var expected = lexical.Concat(dense).Distinct()
                .Select(d => (Item: d, Lexical: Rank(lexical, d), Dense: Rank(dense, d)))
                .Select(d => (d.Item, Score: Part(d.Lexical) + Part(d.Dense), d.Lexical, d.Dense))
                .OrderByDescending(d => d.Score).ThenBy(d => d.Lexical ?? int.MaxValue).ThenBy(d => d.Dense ?? int.MaxValue)
                .Take(top)
                .ToList();
            Assert.Equal(expected.Select(e => (e.Item, e.Lexical, e.Dense)), fused.Select(f => (f.Item, f.LexicalRank, f.DenseRank)));
            Assert.Equal(expected.Select(e => e.Score), fused.Select(f => f.Score));
        }

        static int? Rank(List<int> list, int item) => list.IndexOf(item) is var i and >= 0 ? i + 1 : null;
        static double Part(int? rank) => rank is { } r ? 1.0 / (60 + r) : 0;
    }
}
