namespace Assistant.Web.Bot;

/// <summary>Addressing of replies, as the reference SDK's <c>CreateReply</c> does it (docs/protocols.md A2).</summary>
public static class ActivityReplies
{
    public static Activity Create(Activity incoming, string type) => new()
    {
        Type = type,
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        From = Account(incoming.Recipient),
        Recipient = Account(incoming.From),
        Conversation = new ConversationAccount { Id = incoming.Conversation?.Id, Name = incoming.Conversation?.Name },
        // The SDK leaves replyToId empty for a conversationUpdate on Direct Line and Web Chat: there is nothing to thread under.
        ReplyToId = incoming.Type == ActivityTypes.ConversationUpdate && incoming.ChannelId is Channels.DirectLine or Channels.WebChat
            ? null
            : incoming.Id,
        Locale = incoming.Locale,
    };

    public static Activity Message(Activity incoming, string text)
    {
        var reply = Create(incoming, ActivityTypes.Message);
        reply.Text = text;
        reply.TextFormat = "markdown";
        return reply;
    }

    private static ChannelAccount? Account(ChannelAccount? account) =>
        account is null ? null : new ChannelAccount { Id = account.Id, Name = account.Name };
}
