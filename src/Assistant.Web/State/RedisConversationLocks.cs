using Assistant.Conversations;
using StackExchange.Redis;

namespace Assistant.Web.State;

/// <summary>Serialises the read-modify-write of one conversation's shared entries.</summary>
public interface IConversationLocks
{
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>
/// A lock per conversation across every instance on one Redis: within the process a striped semaphore (one waiter per
/// conversation asks Redis), across processes a Redis lease (SET NX with expiry), so a crashed holder frees it.
/// </summary>
public sealed class RedisConversationLocks(IConnectionMultiplexer redis) : IConversationLocks
{
    private const string KeyPrefix = "assistant:lock:";

    /// <summary>Far longer than one read and write; only a holder that died keeps a conversation waiting this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);

    private readonly StripedLock local = new();

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var held = await local.AcquireAsync(conversationId, cancellationToken);
        try
        {
            var database = redis.GetDatabase();
            var key = new RedisKey(KeyPrefix + conversationId);
            var owner = new RedisValue(Guid.NewGuid().ToString("N"));
            for (var pause = TimeSpan.FromMilliseconds(1); !await database.LockTakeAsync(key, owner, Lease); pause = Min(pause * 2, LongestPause))
            {
                await Task.Delay(pause, cancellationToken);
            }

            return new Release(database, key, owner, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Release(IDatabase database, RedisKey key, RedisValue owner, IDisposable held) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.LockReleaseAsync(key, owner);
            }
            finally
            {
                held.Dispose();
            }
        }
    }
}
