using System.Net;

namespace Assistant.Web.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task Generated_token_starts_its_conversation_once_then_reconnects()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var generated = await host.Client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
        var body = await DirectLineHost.ReadJsonAsync(generated);
        var token = (string)body["token"]!;
        var conversationId = (string)body["conversationId"]!;
        Assert.Equal(1800, (int)body["expires_in"]!);

        using var first = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        using var second = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        using var reconnect = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(conversationId, (string)(await DirectLineHost.ReadJsonAsync(first))["conversationId"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(conversationId, (string)(await DirectLineHost.ReadJsonAsync(reconnect))["conversationId"]!);
    }

    [Theory]
    [InlineData("POST", "/v3/directline/conversations")]
    [InlineData("POST", "/v3/directline/tokens/refresh")]
    [InlineData("GET", "/v3/directline/conversations/{id}")]
    [InlineData("GET", "/v3/directline/conversations/{id}/activities?watermark=")]
    [InlineData("POST", "/v3/directline/conversations/{id}/activities")]
    public async Task Requests_without_a_token_get_401(string method, string path)
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, _) = await host.StartConversationAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path.Replace("{id}", conversationId), token: null, DirectLineHost.Message("سؤال"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Direct Line's own ErrorResponse, which its clients read, not problem details.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthorized", (string)(await DirectLineHost.ReadJsonAsync(response))["error"]!["code"]!);
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_gets_401()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        using var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_read_or_post_to_another_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (_, tokenA) = await host.StartConversationAsync();
        var (conversationB, tokenB) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationB, tokenB, "سر المحادثة ب");

        using var read = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/activities?watermark=", tokenA);
        using var post = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationB}/activities", tokenA, DirectLineHost.Message("دخيل"));
        using var reconnect = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationB}", tokenA);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain(host.Bot.Received, activity => activity.Text == "دخيل");
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_and_cannot_be_refreshed()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        host.Time.Advance(TimeSpan.FromMinutes(31));
        using var poll = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token);
        using var refresh = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal("TokenExpired", (string)(await DirectLineHost.ReadJsonAsync(poll))["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("TokenExpired", (string)(await DirectLineHost.ReadJsonAsync(refresh))["error"]!["code"]!);
    }

    [Fact]
    public async Task A_refreshed_token_outlives_the_original_for_the_same_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        host.Time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var refreshed = await DirectLineHost.ReadJsonAsync(refresh);
        host.Time.Advance(TimeSpan.FromMinutes(20));
        using var withOld = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token);
        using var withNew = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", (string)refreshed["token"]!);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task A_configured_signing_key_must_be_long_enough()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => DirectLineHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(new byte[8]),
        }));

        Assert.Contains("DirectLine:TokenSigningKey", exception.Message);
    }
}
