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

    [Fact]
    public async Task The_best_passages_come_first_then_matching_neighbours_of_the_best_three()
    {
        const string question = "متى سينعقد مؤتمر الحوار الوطني السوري في سوتشي حسب بيان أستانا؟";
        var cancellationToken = TestContext.Current.CancellationToken;
        var result = await Retriever.RetrieveAsync(question, 10, cancellationToken);
        var vector = (await seeds.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        var fused = await seeds.Services.GetRequiredService<IPassageIndex>().SearchAsync(new PassageQuery(question, result.Terms, vector, 40, 40), cancellationToken);

        Assert.Equal(fused.Take(10).Select(p => p.Passage.PassageId), result.Passages.Take(10).Select(p => p.Passage.PassageId));
        var leaders = result.Passages.Take(3).Select(p => p.Passage).ToList();
        var expected = fused.Skip(10).Where(p => leaders.Any(l => l.DocumentId == p.Passage.DocumentId && Math.Abs(l.Ordinal - p.Passage.Ordinal) == 1));
        Assert.Equal(expected.Select(p => p.Passage.PassageId), result.Passages.Skip(10).Select(p => p.Passage.PassageId));
        // Here the date of the congress sits in the passage just before the best match, ranked below the first ten.
        Assert.Contains(result.Passages.Skip(10), p => p.Passage.Text.Contains("بتاريخ 29-30 كانون الثاني", StringComparison.Ordinal));
    }
}
