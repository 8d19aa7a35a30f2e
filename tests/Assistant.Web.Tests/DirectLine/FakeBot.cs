using System.Collections.Concurrent;
using System.Net.Http.Json;
using Assistant.Web.Bot;

namespace Assistant.Web.Tests.DirectLine;

/// <summary>
/// Stands in for the bot: records what it is handed and, like the real bot with normal delivery, answers through
/// the Connector API at the activity's serviceUrl (typing, then a reply to the message; a welcome on members added).
/// </summary>
public sealed class FakeBot : IBotActivityProcessor
{
    private readonly HttpClient connector = new();

    public ConcurrentQueue<Activity> Received { get; } = new();

    public bool Fail { get; set; }

    /// <summary>Awaited between typing and the answer, so a test can watch the typing indicator.</summary>
    public Task ReplyGate { get; set; } = Task.CompletedTask;

    /// <summary>Decorates the answer (e.g. with a citation); the default answer is "جواب: " + the question.</summary>
    public Action<Activity> DecorateAnswer { get; set; } = _ => { };

    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, ActivityOrigin origin, CancellationToken cancellationToken)
    {
        Assert.Equal(ActivityOrigin.EmbeddedChannel, origin);
        Received.Enqueue(activity);
        if (Fail)
        {
            throw new InvalidOperationException("the bot is down");
        }

        var conversation = Uri.EscapeDataString(activity.Conversation!.Id!);
        var activities = $"{activity.ServiceUrl}v3/conversations/{conversation}/activities";
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await PostAsync(activities, Reply(activity, ActivityTypes.Message, "أهلا"), cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            var replyTo = $"{activities}/{Uri.EscapeDataString(activity.Id!)}";
            await PostAsync(replyTo, Reply(activity, ActivityTypes.Typing, null), cancellationToken);
            await ReplyGate.WaitAsync(cancellationToken);
            var answer = Reply(activity, ActivityTypes.Message, "جواب: " + activity.Text);
            DecorateAnswer(answer);
            await PostAsync(replyTo, answer, cancellationToken);
        }

        return [];
    }

    private async Task PostAsync(string url, Activity reply, CancellationToken cancellationToken)
    {
        using var response = await connector.PostAsJsonAsync(url, reply, ActivityJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static Activity Reply(Activity incoming, string type, string? text) => new()
    {
        Type = type,
        Text = text,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        Locale = incoming.Locale,
    };
}
