using Assistant.Storage.Qdrant;

namespace Assistant.Tests.Qdrant;

public sealed class SparseTermEncoderTests
{
    [Fact]
    public void Term_ids_are_stable_and_indices_unique_and_sorted()
    {
        var vector = SparseTermEncoder.EncodePassage(["سوريا", "حل", "سوريا", "عسكر"], 75);

        Assert.Equal(3, vector.Indices.Length);
        Assert.Equal(vector.Indices.Order(), vector.Indices);
        Assert.Equal(SparseTermEncoder.TermId("سوريا"), SparseTermEncoder.EncodeQuery(["سوريا"]).Indices.Single());
        Assert.NotEqual(SparseTermEncoder.TermId("حل"), SparseTermEncoder.TermId("عسكر"));
    }

    [Fact]
    public void Repeated_terms_weigh_more_with_saturation_and_long_passages_weigh_less()
    {
        static float Weight(string[] terms, float reference) =>
            SparseTermEncoder.EncodePassage(terms, reference).Values[0];

        var once = Weight(["أ", "ب"], 2);
        var twice = Weight(["أ", "أ"], 2);
        var tenTimes = Weight([.. Enumerable.Repeat("أ", 10)], 10);
        Assert.True(twice > once);
        Assert.True(tenTimes < 2.2f); // k1 + 1: term frequency saturates
        Assert.True(Weight(["أ", "ب"], 20) > Weight(["أ", "ب", "ج", "د", "ه", "و"], 20));
    }

    [Fact]
    public void Query_terms_count_once_each()
    {
        var query = SparseTermEncoder.EncodeQuery(["سوريا", "سوريا", "أستانا"]);

        Assert.Equal(2, query.Indices.Length);
        Assert.All(query.Values, value => Assert.Equal(1f, value));
    }
}
