using System.Text.Json;

namespace Assistant.Web.Http;

/// <summary>
/// A 200 JSON response sent with its length: the value is serialised first and written in one piece, so Kestrel sends
/// the headers and the body in one write. <c>TypedResults.Json</c> streams the body chunked, and the closing chunk went
/// out in a send of its own after every reply.
/// </summary>
public sealed class SizedJsonResult<T>(T value, JsonSerializerOptions options) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
