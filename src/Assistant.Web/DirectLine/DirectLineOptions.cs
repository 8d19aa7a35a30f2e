using System.ComponentModel.DataAnnotations;

namespace Assistant.Web.DirectLine;

/// <summary>Settings of the embedded Direct Line 3.0 channel (configuration section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>How long a token is valid; Direct Line's own tokens last 30 minutes and Web Chat refreshes every 15.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "DirectLine:TokenLifetime must be between {1} and {2}.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) for signing tokens. Empty: a random key per process,
    /// so tokens do not survive a restart (Web Chat then starts a new conversation).
    /// </summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>
    /// Conversations kept in memory. When full, expired ones make room; a conversation that is still active is never
    /// dropped for a new one: the new one is refused (503) until one expires.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "DirectLine:MaxConversations must be between {1} and {2}.")]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones are dropped (watermarks keep counting).</summary>
    [Range(1, 100_000, ErrorMessage = "DirectLine:MaxActivitiesPerConversation must be between {1} and {2}.")]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>
    /// Bytes (as UTF-8 JSON) of activities kept per conversation; older ones are dropped (watermarks keep counting), the
    /// newest is always kept. With <see cref="MaxConversations"/> this bounds the channel's memory.
    /// </summary>
    [Range(1024, 1024 * 1024 * 1024, ErrorMessage = "DirectLine:MaxConversationBytes must be between {1} and {2}.")]
    public int MaxConversationBytes { get; set; } = 512 * 1024;

    /// <summary>Largest accepted activity, as UTF-8 JSON; Direct Line allows 256K characters.</summary>
    [Range(1024, 4 * 1024 * 1024, ErrorMessage = "DirectLine:MaxActivityBytes must be between {1} and {2}.")]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Most activities one poll (GET …/activities) returns; the watermark it gives leads to the rest.</summary>
    [Range(1, 10_000, ErrorMessage = "DirectLine:MaxActivitiesPerPoll must be between {1} and {2}.")]
    public int MaxActivitiesPerPoll { get; set; } = 100;

    /// <summary>Tokens generated, and conversations started, per client address and minute (each counted on its own); more get 429.</summary>
    [Range(1, 100_000, ErrorMessage = "DirectLine:ConversationsPerClientPerMinute must be between {1} and {2}.")]
    public int ConversationsPerClientPerMinute { get; set; } = 20;

    /// <summary>A conversation with no activity for this long is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "DirectLine:ConversationIdleTimeout must be between {1} and {2}.")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a user's POST waits for the bot to take the activity. A bot that is still working after
    /// this is treated as having acknowledged (its replies still arrive); DirectLineJS itself gives up after 20 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:19", ErrorMessage = "DirectLine:BotAcknowledgeTimeout must be between {1} and {2}.")]
    public TimeSpan BotAcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bot's account in the conversation (the <c>recipient</c> of user activities).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "DirectLine:BotId must not be empty.")]
    public string BotId { get; set; } = "assistant";

    [Required(AllowEmptyStrings = false, ErrorMessage = "DirectLine:BotName must not be empty.")]
    public string BotName { get; set; } = "Assistant";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxConversationBytes < MaxActivityBytes)
        {
            yield return new ValidationResult(
                "DirectLine:MaxConversationBytes must be at least DirectLine:MaxActivityBytes, so a conversation can hold its largest activity.",
                [nameof(MaxConversationBytes)]);
        }

        if (TokenSigningKey.Length == 0)
        {
            yield break;
        }

        var key = new byte[TokenSigningKey.Length];
        if (!Convert.TryFromBase64String(TokenSigningKey, key, out var length) || length < 32)
        {
            yield return new ValidationResult(
                "DirectLine:TokenSigningKey must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`), or empty for a per-process key.",
                [nameof(TokenSigningKey)]);
        }
    }
}
