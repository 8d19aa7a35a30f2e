using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// The channel's conversations, in memory and bounded: at most <see cref="DirectLineOptions.MaxConversations"/>,
/// each forgotten after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without activity.
/// </summary>
public sealed class ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock createGate = new();

    /// <summary>A fresh, unguessable conversation id (URL-safe).</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    /// <summary>The live conversation with this id, or null when it never existed, expired or was evicted.</summary>
    public DirectLineConversation? Find(string conversationId)
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

    /// <summary>Returns the conversation and whether it was created by this call.</summary>
    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string conversationId)
    {
        lock (createGate)
        {
            if (Find(conversationId) is { } existing)
            {
                return (existing, false);
            }

            var now = time.GetUtcNow();
            MakeRoom(now);
            var conversation = new DirectLineConversation(conversationId, options.Value.MaxActivitiesPerConversation, now);
            conversations[conversationId] = conversation;
            return (conversation, true);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        var max = options.Value.MaxConversations;
        if (conversations.Count < max)
        {
            return;
        }

        foreach (var expired in conversations.Values.Where(c => IsExpired(c, now)).ToList())
        {
            conversations.TryRemove(expired.Id, out _);
        }

        while (conversations.Count >= max)
        {
            var oldest = conversations.Values.MinBy(c => c.LastActive)!;
            conversations.TryRemove(oldest.Id, out _);
            logger.LogWarning("Direct Line is at its limit of {Max} conversations; forgot the least recently active one", max);
        }
    }

    private bool IsExpired(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActive >= options.Value.ConversationIdleTimeout;
}
