using System.Text.Json;
using Assistant.Web.Bot;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// What the Azure Direct Line service does between a client and a bot, in process: stamps the client's
/// activities, logs them (the echo the client waits for), hands them to the bot's protocol path, and logs the
/// bot's Connector replies for the client to poll.
/// </summary>
public sealed class EmbeddedChannel(
    IBotActivityProcessor bot,
    IConversationStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<EmbeddedChannel> logger)
{
    public const string ChannelId = "directline";

    private ChannelAccount BotAccount => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>
    /// Tells the bot a user joined (conversationUpdate), as Direct Line does when the user is known at start,
    /// without holding up the client's start request.
    /// </summary>
    public async Task AnnounceUserAsync(string conversationId, ChannelAccount user, string serviceUrl, CancellationToken cancellationToken)
    {
        if (await store.AnnounceAsync(conversationId, user.Id!, cancellationToken))
        {
            _ = HandToBotAsync(MembersAdded(conversationId, user, serviceUrl), CancellationToken.None);
        }
    }

    /// <summary>
    /// Stamps and logs a client activity and hands it to the bot. Returns its id, or null when the bot failed
    /// to take it (the client gets 502 BotRejectedActivity, like from Azure) or the conversation expired meanwhile.
    /// </summary>
    public async Task<string?> ReceiveFromUserAsync(
        string conversationId, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        activity.Timestamp = now;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.Recipient = BotAccount;
        activity.From!.Role = "user";
        if (await store.AppendAsync(conversationId, activity, cancellationToken) is not { } id)
        {
            return null;
        }

        if (await store.AnnounceAsync(conversationId, activity.From.Id!, cancellationToken)
            && !await HandToBotAsync(MembersAdded(conversationId, activity.From, serviceUrl), cancellationToken))
        {
            return null;
        }

        // The bot gets its own copy with the serviceUrl: the logged echo is what clients read, and must neither
        // change under them nor show them the secret Connector address.
        var forBot = Clone(activity);
        forBot.ServiceUrl = serviceUrl;
        return await HandToBotAsync(forBot, cancellationToken) ? id : null;
    }

    /// <summary>Logs an activity the bot sent through the Connector API and returns its id; null when the conversation is gone.</summary>
    public Task<string?> ReceiveFromBotAsync(string conversationId, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        activity.Timestamp = now;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From ??= BotAccount;
        activity.From.Role ??= "bot";
        activity.ReplyToId ??= replyToId;
        return store.AppendAsync(conversationId, activity, cancellationToken);
    }

    private Activity MembersAdded(string conversationId, ChannelAccount user, string serviceUrl) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = time.GetUtcNow(),
        ChannelId = ChannelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" },
        Recipient = BotAccount,
        MembersAdded = [BotAccount, new ChannelAccount { Id = user.Id, Name = user.Name }],
    };

    /// <summary>
    /// Runs the bot's turn on the application's lifetime (not the request's: the bot keeps answering after the
    /// client's POST returns) and waits for it at most <see cref="DirectLineOptions.BotAcknowledgeTimeout"/>.
    /// </summary>
    private async Task<bool> HandToBotAsync(Activity activity, CancellationToken requestAborted)
    {
        var turn = RunTurnAsync(activity);
        try
        {
            return await turn.WaitAsync(options.Value.BotAcknowledgeTimeout, time, requestAborted);
        }
        catch (TimeoutException)
        {
            logger.LogDebug("The bot is still working on activity {ActivityId}; acknowledged, replies follow", activity.Id);
            return true;
        }
    }

    private async Task<bool> RunTurnAsync(Activity activity)
    {
        try
        {
            await bot.ProcessAsync(activity, ActivityOrigin.EmbeddedChannel, lifetime.ApplicationStopping);
            return true;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The bot failed on {ActivityType} activity {ActivityId} of conversation {ConversationId}",
                activity.Type, activity.Id, activity.Conversation?.Id);
            return false;
        }
    }

    private static Activity Clone(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options), ActivityJson.Options)!;
}
