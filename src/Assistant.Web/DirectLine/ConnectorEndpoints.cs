using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>
/// The Bot Connector routes behind the channel's <c>serviceUrl</c> (docs/protocols.md A5): the bot's replies
/// (<c>POST v3/conversations/{id}/activities[/{replyToId}]</c>) land in the conversation's log.
/// </summary>
internal static class ConnectorEndpoints
{
    public static void MapConnector(this IEndpointRouteBuilder app)
    {
        var connector = app.MapGroup(EmbeddedServiceUrl.RoutePrefix + "/v3/conversations/{conversationId}/activities");
        connector.MapPost("", (string key, string conversationId, HttpContext http, EmbeddedServiceUrl serviceUrl, IConversationStore store,
                EmbeddedChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
            => ReceiveAsync(key, conversationId, replyToId: null, http, serviceUrl, store, channel, options, cancellationToken));
        connector.MapPost("/{activityId}", (string key, string conversationId, string activityId, HttpContext http, EmbeddedServiceUrl serviceUrl,
                IConversationStore store, EmbeddedChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
            => ReceiveAsync(key, conversationId, activityId, http, serviceUrl, store, channel, options, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> ReceiveAsync(
        string key, string conversationId, string? replyToId, HttpContext http, EmbeddedServiceUrl serviceUrl, IConversationStore store,
        EmbeddedChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (!serviceUrl.Admits(http, key))
        {
            return DirectLineErrors.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only this host's bot may post to this conversation.");
        }

        if (!await store.ExistsAsync(conversationId, cancellationToken))
        {
            return NotFound();
        }

        var (activity, error) = await ActivityReader.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrEmpty(activity!.Type))
        {
            return DirectLineErrors.MissingProperty("An activity needs 'type'.");
        }

        return await channel.ReceiveFromBotAsync(conversationId, activity, replyToId, cancellationToken) is { } id
            ? TypedResults.Json(new ResourceResponse(id))
            : NotFound();
    }

    private static JsonHttpResult<ErrorResponse> NotFound() =>
        DirectLineErrors.Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation does not exist or has expired.");
}
