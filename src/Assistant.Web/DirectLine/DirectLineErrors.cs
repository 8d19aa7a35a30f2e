namespace Assistant.Web.DirectLine;

/// <summary>Errors in the Direct Line / Connector shape <c>{"error":{"code","message"}}</c>; codes are stable, messages are for people.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult MissingToken() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token>'; get a token from POST /v3/directline/tokens/generate.");

    public static IResult InvalidToken() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The token is not valid for this service.");

    public static IResult TokenExpired() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; generate a new one.");

    public static IResult WrongConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.");

    public static IResult ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has expired; start a new one.");

    public static IResult TooManyConversations() =>
        Error(StatusCodes.Status503ServiceUnavailable, "TooManyConversations", "Too many conversations are active; try again in a few minutes.");

    public static IResult MissingProperty(string message) =>
        Error(StatusCodes.Status400BadRequest, "MissingProperty", message);

    public static IResult BadArgument(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {maxBytes} bytes of JSON.");

    public static IResult BotRejected() =>
        Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not take the activity; try again.");
}
