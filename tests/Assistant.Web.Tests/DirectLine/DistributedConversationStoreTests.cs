using Assistant.Web.Bot;
using Assistant.Web.DirectLine;
using Assistant.Web.State;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Web.Tests.DirectLine;

/// <summary>Two instances' stores on one real Redis, each with its own connection, as two processes would have.</summary>
public sealed class DistributedConversationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_appending_to_one_conversation_at_once_lose_nothing()
    {
        var redis = TestRedis.Address();
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(redis);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(redis);
        var a = Store(redisA);
        var b = Store(redisB);
        var id = IConversationStore.NewConversationId();
        Assert.Equal(ConversationStart.Created, await a.StartAsync(id, Ct));

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? a : b).AppendAsync(id, new Activity { Type = ActivityTypes.Message, Text = $"m{i}" }, Ct)));

        var set = (await b.SinceAsync(id, 0, Ct))!;
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m{i}").Order(), set.Activities.Select(x => x.Text!).Order());
        Assert.Equal("40", set.Watermark);
    }

    private static DistributedConversationStore Store(IConnectionMultiplexer redis) => new(
        new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult(redis) })),
        new RedisConversationLocks(redis),
        Options.Create(new DirectLineOptions()),
        TimeProvider.System,
        NullLogger<DistributedConversationStore>.Instance);
}
