using System.Net;

namespace Assistant.Web.Tests.DirectLine;

public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities()
    {
        await using var host = await DirectLineHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "3" });
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "الأول");
        await host.PostMessageAsync(conversationId, token, "الثاني", "client-2");

        var all = await host.GetActivitiesAsync(conversationId, token);

        Assert.Equal(["الثاني", null, "جواب: الثاني"], all["activities"]!.AsArray().Select(activity => (string?)activity!["text"]));
        Assert.Equal("7", (string)all["watermark"]!);
    }

    [Fact]
    public async Task Past_the_conversation_limit_the_least_recently_active_one_is_forgotten()
    {
        await using var host = await DirectLineHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" });
        var (first, firstToken) = await host.StartConversationAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var (second, secondToken) = await host.StartConversationAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.GetActivitiesAsync(first, firstToken);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        await host.StartConversationAsync();

        using var forgotten = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{second}/activities?watermark=", secondToken);
        using var kept = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{first}/activities?watermark=", firstToken);
        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task An_idle_conversation_expires()
    {
        await using var host = await DirectLineHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:ConversationIdleTimeout"] = "00:10:00",
        });
        var (conversationId, token) = await host.StartConversationAsync();

        host.Time.Advance(TimeSpan.FromMinutes(9));
        using var stillThere = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        using var gone = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token);

        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>Declared (Content-Length, as browsers send) or streamed (chunked), the client gets the 413, not a reset.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_activity_gets_413_and_is_not_logged(bool declaredLength)
    {
        await using var host = await DirectLineHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "2048" });
        var (conversationId, token) = await host.StartConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var message = DirectLineHost.Message(new string('س', 2000));
        request.Content = declaredLength
            ? new StringContent(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Encoding.UTF8, "application/json")
            : System.Net.Http.Json.JsonContent.Create(message);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (string)(await DirectLineHost.ReadJsonAsync(response))["error"]!["code"]!);
        Assert.Empty((await host.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray());
        Assert.Empty(host.Bot.Received);
    }
}
