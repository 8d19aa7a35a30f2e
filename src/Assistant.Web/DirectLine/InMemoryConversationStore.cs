using System.Collections.Concurrent;
using Assistant.Web.Bot;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>The channel's conversations in this process's memory (the default, for a single instance).</summary>
public sealed class InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<InMemoryConversationStore> logger)
    : IConversationStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock createGate = new();

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId) is not null);

    public Task<ConversationStart> StartAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (createGate)
        {
            if (Find(conversationId) is not null)
            {
                return Task.FromResult(ConversationStart.Existing);
            }

            var now = time.GetUtcNow();
            if (!HasRoom(now))
            {
                logger.LogWarning("Direct Line is at its limit of {Max} active conversations; refused a new one", options.Value.MaxConversations);
                return Task.FromResult(ConversationStart.Full);
            }

            conversations[conversationId] = new DirectLineConversation(conversationId, options.Value.Limits(), now);
            return Task.FromResult(ConversationStart.Created);
        }
    }

    public Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.Append(activity, time.GetUtcNow()));

    public Task<ActivitySet?> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.Since(watermark, time.GetUtcNow()));

    public Task<bool> AnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.Announce(memberId) ?? false);

    /// <summary>The live conversation with this id, or null when it never existed or expired.</summary>
    private DirectLineConversation? Find(string conversationId)
    {
        if (!conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation, time.GetUtcNow()))
        {
            conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversationId, conversation));
            return null;
        }

        return conversation;
    }

    /// <summary>True when a conversation may be added, after forgetting expired ones if the store is full.</summary>
    private bool HasRoom(DateTimeOffset now)
    {
        var max = options.Value.MaxConversations;
        if (conversations.Count < max)
        {
            return true;
        }

        foreach (var expired in conversations.Values.Where(c => IsExpired(c, now)).ToList())
        {
            conversations.TryRemove(expired.Id, out _);
        }

        return conversations.Count < max;
    }

    private bool IsExpired(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActive >= options.Value.ConversationIdleTimeout;
}
