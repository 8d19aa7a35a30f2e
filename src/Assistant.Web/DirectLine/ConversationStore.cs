using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// The channel's conversations, in memory and bounded: at most <see cref="DirectLineOptions.MaxConversations"/>,
/// each forgotten after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without activity. A conversation is never
/// dropped before it expires, so a flood of new conversations cannot push out a live one: when the store is full of
/// active conversations, new ones are refused instead.
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

    /// <summary>
    /// Returns the conversation and whether it was created by this call; null when it is new and the store is full of
    /// active conversations.
    /// </summary>
    public (DirectLineConversation? Conversation, bool Created) GetOrCreate(string conversationId)
    {
        lock (createGate)
        {
            if (Find(conversationId) is { } existing)
            {
                return (existing, false);
            }

            var now = time.GetUtcNow();
            if (!HasRoom(now))
            {
                logger.LogWarning("Direct Line is at its limit of {Max} active conversations; refused a new one", options.Value.MaxConversations);
                return (null, false);
            }

            var settings = options.Value;
            var limits = new ConversationLimits(settings.MaxActivitiesPerConversation, settings.MaxConversationBytes, settings.MaxActivitiesPerPoll);
            var conversation = new DirectLineConversation(conversationId, limits, now);
            conversations[conversationId] = conversation;
            return (conversation, true);
        }
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
