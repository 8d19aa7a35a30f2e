using Assistant.Analysis;

namespace Assistant.Tests.Analysis;

public sealed class TermIdsTests
{
    [Fact]
    public void A_term_keeps_its_number_and_the_number_gives_the_term_back()
    {
        var id = TermIds.Intern("مؤتمر");

        Assert.Equal(id, TermIds.Intern(new string("مؤتمر".AsSpan()))); // equal text, another string
        Assert.Equal(id, TermIds.Find("مؤتمر"));
        Assert.Equal("مؤتمر", TermIds.Term(id));
        Assert.NotEqual(id, TermIds.Intern("مؤتمرات"));
    }

    [Fact]
    public void A_term_no_passage_has_is_found_as_unknown_and_not_numbered()
    {
        var term = $"كلمة{Guid.NewGuid():N}";

        Assert.Equal(TermIds.Unknown, TermIds.Find(term));
        Assert.Equal(TermIds.Unknown, TermIds.Find(term));
        Assert.Empty(TermIds.FindAll([term]));
    }

    [Fact]
    public void Finding_several_terms_leaves_out_the_unknown_ones_and_keeps_the_order()
    {
        var (first, second) = (TermIds.Intern("قمة"), TermIds.Intern("أستانا"));

        Assert.Equal([second, first], TermIds.FindAll(["أستانا", $"مجهول{Guid.NewGuid():N}", "قمة"]));
    }

    [Fact]
    public void Terms_numbered_at_once_from_several_threads_each_get_one_number()
    {
        var terms = Enumerable.Range(0, 20_000).Select(i => $"مصطلح{i}-{Guid.NewGuid():N}").ToArray();

        var ids = new int[4][];
        Parallel.For(0, ids.Length, t => ids[t] = terms.Select(TermIds.Intern).ToArray());

        Assert.All(ids, each => Assert.Equal(ids[0], each));
        Assert.Equal(terms.Length, ids[0].Distinct().Count());
        Assert.Equal(terms, ids[0].Select(TermIds.Term));
    }
}
