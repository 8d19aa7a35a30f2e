using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Web.Bot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.DirectLine;

/// <summary>The Direct Line 3.0 routes Web Chat's DirectLineJS calls (docs/protocols.md C2, C3), polling only.</summary>
public static class DirectLineEndpoints
{
    /// <summary>Direct Line's Conversation object.</summary>
    public sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>The optional body of start/generate (TokenParameters); DirectLineJS sends <c>{user:{id}, locale}</c>.</summary>
    private sealed record StartParameters(ChannelAccount? User);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline");
        directLine.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(DirectLineRateLimits.CreationPolicy);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimits.CreationPolicy);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        app.MapConnector();
        return app;
    }

    /// <summary>
    /// A token for a new conversation. Azure requires the bot's secret here; this channel has no secret to keep
    /// out of the browser: the page calls this from its own origin, each client may get only so many a minute, and
    /// the number of conversations is bounded.
    /// </summary>
    private static JsonHttpResult<ConversationResponse> GenerateToken(DirectLineTokens tokens) =>
        TypedResults.Json(Describe(tokens.Issue(IConversationStore.NewConversationId()), tokens));

    private static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> RefreshTokenAsync(
        HttpRequest request, DirectLineTokens tokens)
    {
        var (token, error) = await AuthorizeAsync(request, tokens, conversationId: null);
        return error is not null ? error : TypedResults.Json(Describe(tokens.Issue(token!.ConversationId), tokens));
    }

    private static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> StartConversationAsync(
        HttpRequest request, DirectLineTokens tokens, IConversationStore store, EmbeddedChannel channel,
        EmbeddedServiceUrl serviceUrl, CancellationToken cancellationToken)
    {
        var (token, error) = await AuthorizeAsync(request, tokens, conversationId: null);
        if (error is not null)
        {
            return error;
        }

        StartParameters? parameters;
        try
        {
            parameters = request.ContentLength is > 0
                ? await request.ReadFromJsonAsync<StartParameters>(ActivityJson.Options, cancellationToken)
                : null;
        }
        catch (JsonException)
        {
            return DirectLineErrors.BadArgument("The body, when present, must be TokenParameters JSON: {\"user\":{\"id\":\"...\"}}.");
        }

        var start = await store.StartAsync(token!.ConversationId, cancellationToken);
        if (start == ConversationStart.Full)
        {
            return DirectLineErrors.TooManyConversations();
        }

        if (parameters?.User is { Id.Length: > 0 } user)
        {
            await channel.AnnounceUserAsync(token.ConversationId, user, serviceUrl.For(request), cancellationToken);
        }

        var body = Describe(token, tokens);
        return start == ConversationStart.Created ? TypedResults.Json(body, statusCode: StatusCodes.Status201Created) : TypedResults.Json(body);
    }

    private static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> ReconnectAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IConversationStore store, CancellationToken cancellationToken)
    {
        var (token, error) = await AuthorizeAsync(request, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        return await store.ExistsAsync(conversationId, cancellationToken) ? TypedResults.Json(Describe(token!, tokens)) : DirectLineErrors.ConversationNotFound();
    }

    private static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IConversationStore store, EmbeddedChannel channel,
        EmbeddedServiceUrl serviceUrl, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (_, error) = await AuthorizeAsync(request, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        if (!await store.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        var (activity, readError) = await ActivityReader.ReadAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (readError is not null)
        {
            return readError;
        }

        if (string.IsNullOrEmpty(activity!.Type) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return DirectLineErrors.MissingProperty("An activity needs 'type' and 'from.id'.");
        }

        var id = await channel.ReceiveFromUserAsync(conversationId, activity, serviceUrl.For(request), cancellationToken);
        return id is null ? DirectLineErrors.BotRejected() : TypedResults.Json(new ResourceResponse(id));
    }

    private static async Task<Results<JsonHttpResult<ActivitySet>, JsonHttpResult<ErrorResponse>>> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, IConversationStore store,
        CancellationToken cancellationToken)
    {
        var (_, error) = await AuthorizeAsync(request, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        if (!await store.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return DirectLineErrors.BadArgument("'watermark' must be a value returned by this endpoint, or empty to start from the beginning.");
        }

        if (await store.SinceAsync(conversationId, after, cancellationToken) is not { } set)
        {
            return DirectLineErrors.ConversationNotFound();
        }

        return TypedResults.Json(set, ActivityJson.Options);
    }

    /// <summary>The token from the Authorization header, checked and (with a conversation id) scoped to that conversation.</summary>
    private static async Task<(DirectLineToken? Token, JsonHttpResult<ErrorResponse>? Error)> AuthorizeAsync(HttpRequest request, DirectLineTokens tokens, string? conversationId)
    {
        var check = await tokens.CheckAsync(request.Headers.Authorization);
        return check.Status switch
        {
            TokenStatus.Missing => (null, DirectLineErrors.MissingToken()),
            TokenStatus.Invalid => (null, DirectLineErrors.InvalidToken()),
            TokenStatus.Expired => (null, DirectLineErrors.TokenExpired()),
            _ when conversationId is not null && !string.Equals(conversationId, check.Token!.ConversationId, StringComparison.Ordinal)
                => (null, DirectLineErrors.WrongConversation()),
            _ => (check.Token, null),
        };
    }

    private static ConversationResponse Describe(DirectLineToken token, DirectLineTokens tokens) =>
        new(token.ConversationId, token.Value, tokens.SecondsLeft(token));
}
