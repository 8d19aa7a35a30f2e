using Assistant.Web.Bot.Auth;
using Assistant.Web.Bot.Connector;
using Assistant.Web.Bot.Formatting;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Bot;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint (docs/protocols.md A1–A4, A7, A11). Errors are
/// problem details with a stable <c>code</c> (<see cref="Problems"/>).
/// </summary>
public static class BotEndpoints
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, HandleAsync);
        return endpoints;
    }

    private static async Task<Results<Ok, SizedJsonResult<ExpectedReplies>, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        IOptions<BotOptions> options,
        BotTokenValidator validator,
        BotActivityProcessor processor,
        BotTurnQueue queue,
        DocumentLinks links,
        CancellationToken cancellationToken)
    {
        // Headers first: a caller without a valid token gets its 401 before a byte of the body is read.
        ValidatedBotToken? token = null;
        if (!options.Value.IsLocalMode)
        {
            token = await validator.ValidateTokenAsync(http.Request.Headers.Authorization, cancellationToken);
            if (token is null)
            {
                return Unauthorized();
            }
        }
        if (!http.Request.HasJsonContentType())
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "BadContentType", "Send the activity as JSON (Content-Type: application/json).");
        }
        var (activity, problem, detail) = await ActivityBodyReader.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (problem == ActivityBodyProblem.TooLarge)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {options.Value.MaxActivityBytes} bytes of JSON.");
        }
        if (problem == ActivityBodyProblem.NotAnActivity)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "BadJson", detail!);
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "MissingProperty", "The activity has no 'type'.");
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "MissingProperty", "The activity has no 'conversation.id'.");
        }
        // A reply is addressed to the message's sender; the activity schema has channels always send it.
        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "MissingProperty", "The message has no 'from.id' (its sender, whom the reply is addressed to).");
        }

        var origin = ActivityOrigin.Anonymous;
        if (token is not null)
        {
            if (!validator.Admits(token, activity))
            {
                return Unauthorized();
            }
            origin = ActivityOrigin.Authenticated;
        }
        // The channel's claim, never the wire, says who called (docs/protocols.md A2).
        activity.Extra?.Remove("callerId");

        var linkBase = links.ResolveBase(http.Request);
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            // Microsoft's SDK buffers an invoke's response with the other replies, as an invokeResponse activity: here the
            // 501 of an invoke nobody handles (A4).
            if (activity.Type == ActivityTypes.Invoke)
            {
                return new SizedJsonResult<ExpectedReplies>(new([NotImplemented(activity)]), ActivityJson.Options);
            }
            var replies = await processor.ProcessAsync(activity, origin, linkBase, cancellationToken);
            return new SizedJsonResult<ExpectedReplies>(new(replies), ActivityJson.Options);
        }
        // An invoke waits for its response in this call's body, and the bot handles none: Microsoft's SDK answers an
        // invoke nobody handled with 501, not with an empty 200 the caller would take for a handled one (A4).
        if (activity.Type == ActivityTypes.Invoke)
        {
            return Problems.Of(StatusCodes.Status501NotImplemented, "NotImplemented", $"The bot handles no invoke activities ('{activity.Name}').");
        }
        if (ServiceUrlPolicy.Resolve(activity.ServiceUrl, origin, out var refusal) is null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "BadServiceUrl", $"Cannot reply to this serviceUrl: {refusal}.");
        }
        return queue.TryEnqueue(new BotTurn(activity, origin, linkBase))
            ? TypedResults.Ok()
            : Problems.Of(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many messages are waiting; try again shortly.");
    }

    /// <summary>The invokeResponse activity of an invoke the bot does not handle: status 501, no body.</summary>
    private static Activity NotImplemented(Activity invoke)
    {
        var response = ActivityReplies.Create(invoke, ActivityTypes.InvokeResponse);
        response.Value = new System.Text.Json.Nodes.JsonObject { ["status"] = StatusCodes.Status501NotImplemented };
        return response;
    }

    private static ProblemHttpResult Unauthorized() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized for this bot.");

    /// <summary>The response of an expectReplies turn (A11).</summary>
    public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
}
