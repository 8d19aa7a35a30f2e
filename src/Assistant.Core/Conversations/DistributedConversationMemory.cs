using System.Text.Json;
using Assistant.Configuration;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Assistant.Conversations;

/// <summary>
/// Recent turns per conversation in a distributed cache (Redis), so a follow-up is resolved whichever instance answered
/// the turn before it. Same bounds as <see cref="ConversationMemory"/>: a few turns per conversation, and a conversation
/// not added to for <see cref="ConversationMemory.IdleLimit"/> is forgotten (the entry expires in the cache). The number
/// of conversations is bounded by the cache's own memory limit and eviction policy rather than a count.
/// </summary>
public sealed class DistributedConversationMemory(IDistributedCache cache, IOptions<AnsweringOptions> options) : IConversationMemory
{
    private const string KeyPrefix = "assistant:conversation:";

    private readonly int _turns = Math.Max(1, options.Value.ConversationTurns);
    private readonly StripedLock _writes = new();

    public async Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stored = await cache.GetAsync(KeyPrefix + conversationId, cancellationToken);
        return stored is null ? [] : JsonSerializer.Deserialize<List<ConversationTurn>>(stored) ?? [];
    }

    /// <summary>
    /// Appends the turn. Turns of one conversation arrive one after the other (the user waits for each answer), so the
    /// read-modify-write is serialised within this process only.
    /// </summary>
    public async Task AddAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        using var _ = await _writes.AcquireAsync(conversationId, cancellationToken);
        var turns = (await RecentAsync(conversationId, cancellationToken)).ToList();
        turns.Add(turn);
        if (turns.Count > _turns) turns.RemoveRange(0, turns.Count - _turns);
        await cache.SetAsync(
            KeyPrefix + conversationId,
            JsonSerializer.SerializeToUtf8Bytes(turns),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ConversationMemory.IdleLimit },
            cancellationToken);
    }
}
