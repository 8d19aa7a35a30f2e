using System.Buffers.Text;
using System.Security.Cryptography;
using Assistant.Web.Bot;

namespace Assistant.Web.DirectLine;

/// <summary>What starting a conversation did.</summary>
public enum ConversationStart
{
    Created,
    Existing,

    /// <summary>The store is full of active conversations: the new one is refused.</summary>
    Full,
}

/// <summary>
/// The channel's conversations: their activity logs and watermarks, bounded by <see cref="DirectLineOptions"/> (at most
/// so many conversations, each forgotten after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without activity,
/// its log capped in activities and bytes, polls paged). A conversation is never dropped before it expires: when the
/// store is full of active ones, new ones are refused. Every method treats an expired conversation as absent.
/// </summary>
public interface IConversationStore
{
    /// <summary>A fresh, unguessable conversation id (URL-safe).</summary>
    static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Creates the conversation unless it exists; refuses when it is new and the store is full.</summary>
    Task<ConversationStart> StartAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the activity its id (<c>{conversationId}|{sequence}</c>) and logs it; null when the conversation does not
    /// exist (any more).
    /// </summary>
    Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>A page of activities after the watermark (see <see cref="DirectLineConversation.Since"/>); null when the conversation does not exist.</summary>
    Task<ActivitySet?> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>True the first time a member id is seen in the conversation (see <see cref="DirectLineConversation.Announce"/>).</summary>
    Task<bool> AnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken);
}

public static class ConversationLimitsExtensions
{
    public static ConversationLimits Limits(this DirectLineOptions options) =>
        new(options.MaxActivitiesPerConversation, options.MaxConversationBytes, options.MaxActivitiesPerPoll);
}
