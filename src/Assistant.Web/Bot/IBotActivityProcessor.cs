namespace Assistant.Web.Bot;

/// <summary>
/// The bot's protocol path, shared by <c>POST /api/messages</c> (after authentication) and the embedded
/// Direct Line channel (which is in-process and therefore trusted).
/// </summary>
public interface IBotActivityProcessor
{
    /// <summary>
    /// Handles one activity. With <c>deliveryMode: expectReplies</c> the replies are returned and nothing is sent;
    /// otherwise the replies are sent through the Connector API to <c>activity.serviceUrl</c> and an empty list is returned.
    /// </summary>
    /// <param name="serviceUrlTrusted">True when the serviceUrl arrived in an authenticated request or from the in-process channel;
    /// only then may an outbound token be sent to it.</param>
    Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, bool serviceUrlTrusted, CancellationToken cancellationToken);
}
