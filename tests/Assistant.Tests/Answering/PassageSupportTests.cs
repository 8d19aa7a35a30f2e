using Assistant.Answering;

namespace Assistant.Tests.Answering;

public sealed class PassageSupportTests
{
    [Fact]
    public void Each_passage_is_scored_by_its_best_span()
    {
        var best = PassageSupport.Best([(0, 0.2), (2, 0.9), (0, 0.5), (2, 0.1)], passages: 3);
        Assert.Equal([0.5, double.NegativeInfinity, 0.9], best);
    }

    [Fact]
    public void Cited_passages_come_first_then_the_best_supported_then_retrieval_order()
    {
        double[] support = [0.4, 0.1, double.NegativeInfinity, 0.8, 0.4];
        var ranking = PassageSupport.Ranking(cited: [4], [support], passages: 5);
        // 4 is cited; then 3 (0.8), 0 (0.4), 1 (0.1); 2 has no span of its own.
        Assert.Equal([4, 3, 0, 1, 2], ranking);
    }

    [Fact]
    public void A_two_part_question_ranks_a_passage_by_its_best_span_for_either_part()
    {
        double[] first = [0.9, 0.1, 0.2];
        double[] second = [0.1, 0.3, 0.95];
        Assert.Equal([2, 0, 1], PassageSupport.Ranking(cited: [], [first, second], passages: 3));
    }

    [Fact]
    public void Without_any_scored_span_there_is_no_ranking()
    {
        Assert.Null(PassageSupport.Ranking(cited: [], [null], passages: 2));
    }
}
