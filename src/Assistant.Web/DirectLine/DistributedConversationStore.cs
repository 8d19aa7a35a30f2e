using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using Assistant.Web.Bot;
using Assistant.Web.State;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// The channel's conversations in a distributed cache (Redis, <c>State:Redis</c>), so that a conversation started on one
/// instance continues on any other: each conversation is two entries, its log (activities, watermark counter, announced
/// members) and the time of its last activity. Polls only touch the second, so a poll on one instance never
/// overwrites an activity another instance just logged, and appends take a per-conversation lock shared by every
/// instance (<see cref="IConversationLocks"/>). The same limits as in memory: the log is trimmed by
/// <see cref="DirectLineConversation"/>, idle conversations expire (and the cache drops their entries), and each
/// instance starts at most <see cref="DirectLineOptions.MaxConversations"/> conversations that are still active,
/// refusing more rather than evicting.
/// </summary>
public sealed class DistributedConversationStore(
    IDistributedCache cache,
    IConversationLocks locks,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DistributedConversationStore> logger)
    : IConversationStore
{
    private const string KeyPrefix = "assistant:directline:";

    private readonly ConcurrentDictionary<string, byte> startedHere = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim startGate = new(1, 1);

    private DirectLineOptions Settings => options.Value;

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) => IsActiveAsync(conversationId, cancellationToken);

    public async Task<ConversationStart> StartAsync(string conversationId, CancellationToken cancellationToken)
    {
        await startGate.WaitAsync(cancellationToken);
        try
        {
            if (await IsActiveAsync(conversationId, cancellationToken))
            {
                return ConversationStart.Existing;
            }

            if (!await HasRoomAsync(cancellationToken))
            {
                logger.LogWarning("Direct Line is at its limit of {Max} active conversations started here; refused a new one", Settings.MaxConversations);
                return ConversationStart.Full;
            }

            var now = time.GetUtcNow();
            await SaveAsync(new DirectLineConversation(conversationId, Settings.Limits(), now), cancellationToken);
            await TouchAsync(conversationId, now, cancellationToken);
            startedHere[conversationId] = 0;
            return ConversationStart.Created;
        }
        finally
        {
            startGate.Release();
        }
    }

    public async Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(conversationId, cancellationToken);
        if (await LoadActiveAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var id = conversation.Append(activity, now);
        await SaveAsync(conversation, cancellationToken);
        await TouchAsync(conversationId, now, cancellationToken);
        return id;
    }

    public async Task<ActivitySet?> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        if (await LoadActiveAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await TouchAsync(conversationId, now, cancellationToken);
        return conversation.Since(watermark, now);
    }

    public async Task<bool> AnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(conversationId, cancellationToken);
        if (await LoadActiveAsync(conversationId, cancellationToken) is not { } conversation || !conversation.Announce(memberId))
        {
            return false;
        }

        await SaveAsync(conversation, cancellationToken);
        return true;
    }

    /// <summary>True when a conversation may be started here, after forgetting the expired ones if the limit is reached.</summary>
    private async Task<bool> HasRoomAsync(CancellationToken cancellationToken)
    {
        if (startedHere.Count < Settings.MaxConversations)
        {
            return true;
        }

        foreach (var id in startedHere.Keys)
        {
            if (!await IsActiveAsync(id, cancellationToken))
            {
                startedHere.TryRemove(id, out _);
            }
        }

        return startedHere.Count < Settings.MaxConversations;
    }

    private async Task<DirectLineConversation?> LoadActiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!await IsActiveAsync(conversationId, cancellationToken))
        {
            return null;
        }

        var stored = await cache.GetAsync(LogKey(conversationId), cancellationToken);
        var snapshot = stored is null ? null : JsonSerializer.Deserialize<ConversationSnapshot>(stored, ActivityJson.Options);
        return snapshot is null ? null : DirectLineConversation.FromSnapshot(snapshot, Settings.Limits());
    }

    private async Task<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stored = await cache.GetAsync(ActiveKey(conversationId), cancellationToken);
        if (stored is not { Length: sizeof(long) })
        {
            return false;
        }

        var lastActive = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(stored), TimeSpan.Zero);
        return time.GetUtcNow() - lastActive < Settings.ConversationIdleTimeout;
    }

    // The log's entry slides (every read extends it) and the activity time's entry is rewritten on every touch, so the
    // cache keeps both for as long as the conversation is active; the clock check above decides expiry.
    private Task SaveAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        cache.SetAsync(
            LogKey(conversation.Id),
            JsonSerializer.SerializeToUtf8Bytes(conversation.ToSnapshot(), ActivityJson.Options),
            new DistributedCacheEntryOptions { SlidingExpiration = Settings.ConversationIdleTimeout },
            cancellationToken);

    private Task TouchAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticks = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(ticks, now.UtcTicks);
        return cache.SetAsync(
            ActiveKey(conversationId),
            ticks,
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Settings.ConversationIdleTimeout },
            cancellationToken);
    }

    private static string LogKey(string conversationId) => KeyPrefix + conversationId;

    private static string ActiveKey(string conversationId) => KeyPrefix + conversationId + ":active";
}
