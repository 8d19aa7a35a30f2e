using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Storage;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Conversations;

/// <summary>Conversation memory through IDistributedCache (here the in-memory one; the web tests use a real Redis).</summary>
public sealed class DistributedConversationMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DistributedConversationMemory Memory(IDistributedCache cache, int turns = 3) =>
        new(cache, Options.Create(new AnsweringOptions { ConversationTurns = turns }));

    private static ConversationTurn Turn(int n) => new($"سؤال {n}", $"سؤال {n}", $"جواب {n}",
        [new ScoredPassage(new Assistant.Chunking.Passage($"p{n}", "doc.txt", "عنوان", n, n + 5, "نص المقطع", n), 0.5, 1, null)]);

    [Fact]
    public async Task Two_instances_over_one_cache_see_the_same_recent_turns_with_their_passages()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var first = Memory(cache);
        var second = Memory(cache);
        for (var i = 1; i <= 4; i++) await (i % 2 == 0 ? first : second).AddAsync("directline:a", Turn(i), Ct);

        var recent = await second.RecentAsync("directline:a", Ct);

        Assert.Equal(["سؤال 2", "سؤال 3", "سؤال 4"], recent.Select(t => t.Question));
        Assert.Equal(Turn(4).CitedPassages, recent[^1].CitedPassages);
        Assert.Empty(await first.RecentAsync("directline:b", Ct));
    }

    [Fact]
    public async Task Each_turn_renews_the_idle_limit_in_the_cache()
    {
        var cache = new RecordingCache();
        await Memory(cache).AddAsync("c", Turn(1), Ct);

        Assert.Equal(ConversationMemory.IdleLimit, cache.LastOptions?.AbsoluteExpirationRelativeToNow);
    }

    private sealed class RecordingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache inner = new(Options.Create(new MemoryDistributedCacheOptions()));

        public DistributedCacheEntryOptions? LastOptions { get; private set; }

        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            LastOptions = options;
            inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            LastOptions = options;
            return inner.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);
    }
}
