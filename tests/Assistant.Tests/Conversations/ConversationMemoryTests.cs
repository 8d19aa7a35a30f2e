using Assistant.Configuration;
using Assistant.Conversations;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Conversations;

public sealed class ConversationMemoryTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ConversationMemory Memory(ManualClock clock, int turns = 3) =>
        new(Options.Create(new AnsweringOptions { ConversationTurns = turns }), clock);

    private static ConversationTurn Turn(int n) => new($"سؤال {n}", $"سؤال {n}", $"جواب {n}");

    [Fact]
    public void Keeps_only_the_most_recent_turns_of_each_conversation()
    {
        var memory = Memory(new ManualClock(), turns: 3);
        for (var i = 1; i <= 5; i++) memory.Add("msteams:a", Turn(i));
        memory.Add("msteams:b", Turn(9));

        Assert.Equal(["سؤال 3", "سؤال 4", "سؤال 5"], memory.Recent("msteams:a").Select(t => t.Question));
        Assert.Equal(["سؤال 9"], memory.Recent("msteams:b").Select(t => t.Question));
        Assert.Empty(memory.Recent("directline:a"));
    }

    [Fact]
    public void Forgets_a_conversation_idle_for_longer_than_the_limit()
    {
        var clock = new ManualClock();
        var memory = Memory(clock);
        memory.Add("c", Turn(1));
        clock.Now += ConversationMemory.IdleLimit - TimeSpan.FromMinutes(1);
        Assert.Single(memory.Recent("c"));
        memory.Add("c", Turn(2));
        clock.Now += ConversationMemory.IdleLimit + TimeSpan.FromMinutes(1);
        Assert.Empty(memory.Recent("c"));
    }

    [Fact]
    public void Holds_a_bounded_number_of_conversations()
    {
        var clock = new ManualClock();
        var memory = Memory(clock);
        for (var i = 0; i < ConversationMemory.MaxConversations + 50; i++)
        {
            clock.Now += TimeSpan.FromMilliseconds(1);
            memory.Add($"c{i}", Turn(i));
        }
        Assert.True(memory.Count <= ConversationMemory.MaxConversations);
        // The least recently used went first; the newest is kept.
        Assert.Empty(memory.Recent("c0"));
        Assert.Single(memory.Recent($"c{ConversationMemory.MaxConversations + 49}"));
    }

    [Fact]
    public async Task Concurrent_turns_are_all_kept_within_the_bound()
    {
        var memory = Memory(new ManualClock(), turns: 1000);
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), TestContext.Current.CancellationToken, (i, ct) =>
        {
            memory.Add($"c{i % 4}", Turn(i));
            _ = memory.Recent($"c{(i + 1) % 4}");
            return ValueTask.CompletedTask;
        });
        Assert.Equal(400, Enumerable.Range(0, 4).Sum(c => memory.Recent($"c{c}").Count));
    }
}
