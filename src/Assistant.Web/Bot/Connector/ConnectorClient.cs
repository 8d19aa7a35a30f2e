using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Assistant.Web.Bot.Connector;

/// <summary>
/// Sends activities to a channel through the Bot Connector REST API v3 (docs/protocols.md A5). Retries on 429/5xx come from
/// the resilience handler registered on this typed client.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    /// <summary>
    /// Posts <paramref name="activity"/> to its conversation: a reply when <c>replyToId</c> is set, else a plain send.
    /// Returns false (and logs) when the serviceUrl may not be called for this origin or the channel refused the activity.
    /// </summary>
    /// <exception cref="ChannelUnreachableException">No answer came from the channel, retries included.</exception>
    public async Task<bool> SendAsync(Activity activity, ActivityOrigin origin, CancellationToken cancellationToken)
    {
        var baseUri = ServiceUrlPolicy.Resolve(activity.ServiceUrl, origin, out var refusal);
        if (baseUri is null)
        {
            logger.LogWarning("Refused to send a {Type} to serviceUrl {ServiceUrl} ({Origin}): {Reason}",
                activity.Type, activity.ServiceUrl, origin, refusal);
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, RelativePath(activity)))
        {
            Content = JsonContent.Create(activity, options: ActivityJson.Options),
        };
        if (origin == ActivityOrigin.Authenticated)
        {
            // Only a serviceUrl vouched for by a validated token ever sees the bot's token.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await SendOrExplainAsync(request, baseUri, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        logger.LogError("The channel answered {Status} to a {Type} for conversation {ConversationId} (operation {OperationId}): {Body}",
            (int)response.StatusCode, activity.Type, activity.Conversation?.Id,
            response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null,
            body.Length > 500 ? body[..500] : body);
        return false;
    }

    private async Task<HttpResponseMessage> SendOrExplainAsync(HttpRequestMessage request, Uri baseUri, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Expected on a network: the message says it all, where a stack trace would only point into HttpClient.
            throw new ChannelUnreachableException($"the channel at {baseUri} did not answer: {e.Message}", e);
        }
    }

    /// <summary><c>v3/conversations/{conversationId}/activities[/{replyToId}]</c> with both ids escaped (Teams ids hold ':', ';', '@').</summary>
    public static string RelativePath(Activity activity)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation?.Id ?? "")}/activities";
        return string.IsNullOrEmpty(activity.ReplyToId) ? path : $"{path}/{Uri.EscapeDataString(activity.ReplyToId)}";
    }
}

/// <summary>The channel's serviceUrl could not be reached (refused, timed out, circuit open); the message says which and where.</summary>
public sealed class ChannelUnreachableException(string message, Exception inner) : Exception(message, inner);
