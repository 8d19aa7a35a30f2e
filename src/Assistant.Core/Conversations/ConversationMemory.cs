using Assistant.Configuration;
using Microsoft.Extensions.Options;

namespace Assistant.Conversations;

/// <summary>The recent turns of each conversation, for follow-up questions.</summary>
public interface IConversationMemory
{
    Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationId, CancellationToken cancellationToken);

    Task AddAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken);
}

/// <summary>
/// Recent turns per conversation, in this process, for follow-up questions. Bounded: a few turns per conversation, conversations idle
/// for longer than <see cref="IdleLimit"/> forgotten, and at most <see cref="MaxConversations"/> kept (least recently used
/// dropped first). Safe under concurrent requests.
/// </summary>
public sealed class ConversationMemory(IOptions<AnsweringOptions> options, TimeProvider time) : IConversationMemory
{
    public const int MaxConversations = 10_000;
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(2);

    private readonly int _turns = Math.Max(1, options.Value.ConversationTurns);
    private readonly Dictionary<string, (List<ConversationTurn> Turns, DateTimeOffset LastUsed)> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    Task<IReadOnlyList<ConversationTurn>> IConversationMemory.RecentAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Recent(conversationId));

    Task IConversationMemory.AddAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        Add(conversationId, turn);
        return Task.CompletedTask;
    }

    public IReadOnlyList<ConversationTurn> Recent(string conversationId)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var entry)) return [];
            if (time.GetUtcNow() - entry.LastUsed > IdleLimit)
            {
                _conversations.Remove(conversationId);
                return [];
            }
            return entry.Turns.ToArray();
        }
    }

    public void Add(string conversationId, ConversationTurn turn)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_conversations.TryGetValue(conversationId, out var entry))
            {
                if (_conversations.Count >= MaxConversations) Evict(now);
                entry = ([], now);
            }
            entry.Turns.Add(turn);
            if (entry.Turns.Count > _turns) entry.Turns.RemoveRange(0, entry.Turns.Count - _turns);
            _conversations[conversationId] = (entry.Turns, now);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _conversations.Count;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var stale = _conversations.Where(c => now - c.Value.LastUsed > IdleLimit).Select(c => c.Key).ToList();
        if (stale.Count == 0)
        {
            // Drop the least recently used tenth at once, so eviction does not run on every new conversation.
            stale = _conversations.OrderBy(c => c.Value.LastUsed).Take(Math.Max(1, MaxConversations / 10)).Select(c => c.Key).ToList();
        }
        foreach (var key in stale) _conversations.Remove(key);
    }
}
