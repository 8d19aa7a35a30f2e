using Assistant.Answering;

namespace Assistant.Tests.Answering;

/// <summary>The per-passage table of which sentences hold a key: every key is found with its sentences in order, an absent one with none.</summary>
public sealed class SentenceIndexTests
{
    [Fact]
    public void Finds_each_key_with_its_sentences_in_order()
    {
        var index = new SentenceIndex([[7, 3], [3], [], [7, 12]]);

        Assert.Equal([0, 3], index.Sentences(7).ToArray());
        Assert.Equal([0, 1], index.Sentences(3).ToArray());
        Assert.Equal([3], index.Sentences(12).ToArray());
        Assert.True(index.Sentences(4).IsEmpty);
        Assert.False(index.Contains(0));
        Assert.Equivalent(new[] { 3, 7, 12 }, index.Keys.ToArray(), strict: true);
    }

    [Fact]
    public void Keeps_apart_many_keys_that_share_a_home_slot()
    {
        // Consecutive and widely spaced numbers, more keys than a small table has slots: every probe run must end on its own key.
        var keys = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? i : i * 4_096).ToArray();
        var index = new SentenceIndex(keys.Select((key, s) => (IEnumerable<int>)[key]).ToList());

        for (var s = 0; s < keys.Length; s++) Assert.Equal([s], index.Sentences(keys[s]).ToArray());
        Assert.True(index.Sentences(1).IsEmpty);
        Assert.True(index.Sentences(int.MaxValue).IsEmpty);
        Assert.Equal(keys.Length, index.Keys.Count());
    }

    [Fact]
    public void An_empty_passage_holds_nothing()
    {
        var index = new SentenceIndex([]);

        Assert.True(index.Sentences(0).IsEmpty);
        Assert.Empty(index.Keys);
    }
}
