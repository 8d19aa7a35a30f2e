using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Retrieval;

[Collection(SeedIndexCollection.Name)]
public sealed class PassageRetrieverTests(SeedIndexFixture seeds)
{
    private PassageRetriever Retriever => seeds.Services.GetRequiredService<PassageRetriever>();

    /// <summary>The retriever's top ten with what it adds, and the index's fused list of forty it chose them from.</summary>
    private async Task<(RetrievalResult Result, IReadOnlyList<ScoredPassage> Fused)> RetrievedAndFusedAsync(string question)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var result = await Retriever.RetrieveAsync(question, 10, cancellationToken);
        var vector = (await seeds.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        var fused = await seeds.Services.GetRequiredService<IPassageIndex>().SearchAsync(new PassageQuery(question, result.Terms, vector, 40, 40), cancellationToken);
        return (result, fused);
    }

    [Fact]
    public async Task The_best_passages_come_first_then_matching_neighbours_of_the_best_three()
    {
        var (result, fused) = await RetrievedAndFusedAsync("متى سينعقد مؤتمر الحوار الوطني السوري في سوتشي حسب بيان أستانا؟");

        Assert.Equal(fused.Take(10).Select(p => p.Passage.PassageId), result.Passages.Take(10).Select(p => p.Passage.PassageId));
        // Every further passage is a match ranked below the first ten that touches one of the best three in its document.
        var leaders = result.Passages.Take(3).Select(p => p.Passage).ToList();
        var further = result.Passages.Skip(10).ToList();
        Assert.All(further, p => Assert.Contains(fused.Skip(10), f => f.Passage.PassageId == p.Passage.PassageId));
        Assert.All(further, p => Assert.Contains(leaders, l => l.DocumentId == p.Passage.DocumentId && p.Passage.Start <= l.End + 16 && l.Start <= p.Passage.End + 16));
        // Here the date of the congress sits in the passage just before the best match, ranked below the first ten.
        Assert.Contains(further, p => p.Passage.Text.Contains("بتاريخ 29-30 كانون الثاني", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_best_lexical_match_is_kept_when_fusion_ranks_it_below_the_cut()
    {
        // The passage that shares the question's rarest words («الموجعة», «تلقى») is not among the local embedder's best
        // forty, and fusion puts it below the first ten; it is still among the passages answering reads.
        var (result, fused) = await RetrievedAndFusedAsync("ما المدينة التي ربط الوزير الأمريكي بين استعادتها والضربات الموجعة التي تلقاها التنظيم؟");

        var lexicalFirst = Assert.Single(fused, p => p.LexicalRank == 1);
        Assert.DoesNotContain(fused.Take(10), p => p.LexicalRank == 1);
        Assert.Contains(result.Passages, p => p.Passage.PassageId == lexicalFirst.Passage.PassageId);
        Assert.Contains("عملية تحرير الرقة", lexicalFirst.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_passage_after_the_best_match_is_its_neighbour_even_past_an_overlapping_one()
    {
        // The best match ends where the answer's paragraph begins; between them by ordinal lies a shorter passage
        // overlapping the end of the best match.
        var result = await Retriever.RetrieveAsync("ما المدينة التي ذكر تيلرسون أن عملية تحريرها جارية؟", 10, TestContext.Current.CancellationToken);
        Assert.Contains(result.Passages, p => p.Passage.Text.Contains("عملية تحرير الرقة", StringComparison.Ordinal));
    }
}
