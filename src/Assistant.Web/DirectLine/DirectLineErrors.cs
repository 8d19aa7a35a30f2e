using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.DirectLine;

/// <summary>Direct Line 3.0's and the Connector's error body, <c>{"error":{"code","message"}}</c> (docs/protocols.md A5, C2).</summary>
public sealed record ErrorResponse(ErrorResponse.Detail Error)
{
    /// <param name="Code">Stable; clients may branch on it.</param>
    /// <param name="Message">For people; may change.</param>
    public sealed record Detail(string Code, string Message);
}

/// <summary>What posting an activity (Direct Line or Connector) returns: the id it was given.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>
/// The errors of the Direct Line and Connector routes. Both protocols define their error body (ErrorResponse), and
/// their clients read it, so these routes keep it rather than problem details.
/// </summary>
internal static class DirectLineErrors
{
    public static JsonHttpResult<ErrorResponse> Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new(code, message)), statusCode: status);

    public static JsonHttpResult<ErrorResponse> MissingToken() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token>'; get a token from POST /v3/directline/tokens/generate.");

    public static JsonHttpResult<ErrorResponse> InvalidToken() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The token is not valid for this service.");

    public static JsonHttpResult<ErrorResponse> TokenExpired() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; generate a new one.");

    public static JsonHttpResult<ErrorResponse> WrongConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.");

    public static JsonHttpResult<ErrorResponse> ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has expired; start a new one.");

    public static JsonHttpResult<ErrorResponse> TooManyConversations() =>
        Error(StatusCodes.Status503ServiceUnavailable, "TooManyConversations", "Too many conversations are active; try again in a few minutes.");

    public static JsonHttpResult<ErrorResponse> MissingProperty(string message) =>
        Error(StatusCodes.Status400BadRequest, "MissingProperty", message);

    public static JsonHttpResult<ErrorResponse> BadArgument(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static JsonHttpResult<ErrorResponse> TooLarge(int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {maxBytes} bytes of JSON.");

    public static JsonHttpResult<ErrorResponse> BotRejected() =>
        Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not take the activity; try again.");

    public static ErrorResponse TooManyRequests() =>
        new(new("TooManyRequests", "Too many new conversations from this address; try again in a minute."));
}
