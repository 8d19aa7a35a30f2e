using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Assistant.Web.Bot;

/// <summary>
/// A Bot Framework activity (docs/protocols.md A2). Unknown fields are kept in <see cref="Extra"/> so that
/// nothing a channel sends is lost when an activity is stored or forwarded.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? InputHint { get; set; }
    public string? ReplyToId { get; set; }
    public string? DeliveryMode { get; set; }
    public string? Name { get; set; }
    public JsonNode? Value { get; set; }
    public JsonNode? ChannelData { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public List<JsonObject>? Attachments { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    /// <summary>An invoke's response as an activity: how an expectReplies turn carries it (docs/protocols.md A4).</summary>
    public const string InvokeResponse = "invokeResponse";
}

public static class Channels
{
    public const string MsTeams = "msteams";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}

/// <summary>The one JSON shape of activities on the wire: camelCase, nulls left out.</summary>
public static class ActivityJson
{
    // Arabic as itself (ReadableJson): a sixth of the size of \u escapes, which matters under Teams' 100 KB limit.
    public static readonly JsonSerializerOptions Options = new(ReadableJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
