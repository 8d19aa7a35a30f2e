using Assistant.Analysis;

namespace Assistant.Tests.Analysis;

/// <summary>The fixed set of term numbers a passage's terms are looked up in: members are found, others are not, repeats count once.</summary>
public sealed class TermIdSetTests
{
    [Fact]
    public void Holds_exactly_the_numbers_it_was_built_from()
    {
        // Consecutive and widely spaced numbers, many sharing a home slot in a small table.
        var ids = Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? i * 8_192 : i).ToArray();
        var set = new TermIdSet([.. ids, .. ids.Take(10)]);

        Assert.Equal(ids.Length, set.Count);
        Assert.All(ids, id => Assert.True(set.Contains(id)));
        Assert.False(set.Contains(3));
        Assert.False(set.Contains(int.MaxValue));
        Assert.Equal(ids.Order(), set.Order());
    }

    [Fact]
    public void A_number_outside_it_has_no_slot_and_a_member_keeps_its_own()
    {
        var set = new TermIdSet([5, 9]);

        Assert.Equal(-1, set.SlotOf(TermIds.Unknown));
        Assert.Equal(-1, set.SlotOf(6));
        Assert.NotEqual(set.SlotOf(5), set.SlotOf(9));
        Assert.InRange(set.SlotOf(9), 0, set.Slots - 1);
    }

    [Fact]
    public void An_empty_set_holds_nothing()
    {
        var set = new TermIdSet([]);

        Assert.Empty(set);
        Assert.False(set.Contains(0));
    }
}
