namespace Assistant.Web.Bot;

/// <summary>
/// The bot's protocol path, shared by <c>POST /api/messages</c> (after authentication) and the embedded
/// Direct Line channel, which hands activities over in-process exactly as the Azure Direct Line service would over HTTP.
/// </summary>
public interface IBotActivityProcessor
{
    /// <summary>
    /// Handles one activity. With <c>deliveryMode: expectReplies</c> the replies are returned and nothing is sent;
    /// otherwise the replies are sent through the Connector API to <c>activity.serviceUrl</c> and an empty list is returned.
    /// </summary>
    Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, ActivityOrigin origin, CancellationToken cancellationToken);
}

/// <summary>How the activity reached the bot; decides whether and how the bot may call its serviceUrl.</summary>
public enum ActivityOrigin
{
    /// <summary>Its JWT was validated (app id configured): replies carry the bot's MSAL token.</summary>
    Authenticated,
    /// <summary>Local mode (no app id): replies carry no token and go only to loopback serviceUrls.</summary>
    Anonymous,
    /// <summary>From this host's embedded Direct Line channel: replies carry no token and go to its loopback serviceUrl.</summary>
    EmbeddedChannel,
}
