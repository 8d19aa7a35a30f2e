using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Web.Bot;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>Activities as channels send them, and a client for /api/messages.</summary>
public static class Activities
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";

    public static Activity Message(string text, string serviceUrl = "http://127.0.0.1:9/", string channelId = "directline",
        string conversationId = "conv-1", string? deliveryMode = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = UserId, Name = "مستخدم" },
        Recipient = new ChannelAccount { Id = BotId, Name = "Assistant" },
        Conversation = new ConversationAccount { Id = conversationId },
        Locale = "ar-EG",
        Text = text,
        DeliveryMode = deliveryMode,
    };

    public static Activity ExpectReplies(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<Activity>> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ActivityJson.Options, TestContext.Current.CancellationToken);
        return body!["activities"].Deserialize<List<Activity>>(ActivityJson.Options)!;
    }
}
