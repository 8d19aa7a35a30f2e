using Assistant.Storage.Embedded;

namespace Assistant.Tests.Storage;

public sealed class RecentSlotsTests
{
    [Fact]
    public void A_value_is_kept_until_another_index_takes_its_slot()
    {
        var slots = new RecentSlots<string>(4);
        Assert.Null(slots.Get(1));
        slots.Set(1, "one");
        Assert.Equal("one", slots.Get(1));
        Assert.Null(slots.Get(5));
        slots.Set(5, "five");
        Assert.Equal("five", slots.Get(5));
        Assert.Null(slots.Get(1));
    }
}
