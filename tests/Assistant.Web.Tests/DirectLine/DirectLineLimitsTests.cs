using System.Net;

namespace Assistant.Web.Tests.DirectLine;

/// <summary>The channel's limits with conversations in this process; <see cref="SharedDirectLineLimitsTests"/> runs them again on Redis.</summary>
public class DirectLineLimitsTests
{
    protected virtual Task<DirectLineHost> StartHostAsync(IDictionary<string, string?> settings) => DirectLineHost.StartAsync(settings);

    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "3" });
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "الأول");
        await host.PostMessageAsync(conversationId, token, "الثاني", "client-2");

        var all = await host.GetActivitiesAsync(conversationId, token);

        Assert.Equal(["الثاني", null, "جواب: الثاني"], all["activities"]!.AsArray().Select(activity => (string?)activity!["text"]));
        Assert.Equal("7", (string)all["watermark"]!);
    }

    [Fact]
    public async Task Past_the_conversation_limit_an_expired_one_makes_room()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversations"] = "2",
            ["DirectLine:ConversationIdleTimeout"] = "00:10:00",
        });
        var (first, firstToken) = await host.StartConversationAsync();
        host.Time.Advance(TimeSpan.FromMinutes(6));
        var (second, secondToken) = await host.StartConversationAsync();
        host.Time.Advance(TimeSpan.FromMinutes(6));

        await host.StartConversationAsync();

        using var expired = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{first}/activities?watermark=", firstToken);
        using var kept = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{second}/activities?watermark=", secondToken);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task A_live_conversation_survives_a_flood_of_new_ones()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversations"] = "3",
            ["DirectLine:ConversationsPerClientPerMinute"] = "1000",
        });
        var (live, liveToken) = await host.StartConversationAsync();
        await host.PostMessageAsync(live, liveToken, "سؤال");

        var refused = 0;
        for (var i = 0; i < 20; i++)
        {
            var token = (string)(await DirectLineHost.ReadJsonAsync(await host.Client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken)))["token"]!;
            using var start = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
            if (start.StatusCode == HttpStatusCode.ServiceUnavailable) refused++;
        }

        Assert.Equal(18, refused);
        Assert.Equal(["سؤال", "أهلا", null, "جواب: سؤال"], (await host.GetActivitiesAsync(live, liveToken))["activities"]!.AsArray().Select(a => (string?)a!["text"]));
    }

    [Fact]
    public async Task Token_and_conversation_creation_are_rate_limited_per_client()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["DirectLine:ConversationsPerClientPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 5; i++)
        {
            using var generated = await host.Client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
            statuses.Add(generated.StatusCode);
            retryAfter ??= generated.Headers.RetryAfter?.Delta;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // A refusal says when the minute's window opens again, for the page to wait that long.
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_conversation_keeps_its_history_within_a_byte_budget_and_watermarks_stay_valid()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxActivityBytes"] = "4096",
            ["DirectLine:MaxConversationBytes"] = "8192",
        });
        var (conversationId, token) = await host.StartConversationAsync();
        var watermark = "";
        for (var i = 0; i < 4; i++)
        {
            await host.PostMessageAsync(conversationId, token, i + new string('x', 3000), $"client-{i}");
            watermark = (string)(await host.GetActivitiesAsync(conversationId, token, watermark))["watermark"]!;
        }

        var all = await host.GetActivitiesAsync(conversationId, token);
        var texts = all["activities"]!.AsArray().Select(a => (string?)a!["text"]).ToList();

        // Four rounds of echo, typing and answer, and the welcome.
        Assert.Equal("13", (string)all["watermark"]!);
        Assert.Equal(watermark, (string)all["watermark"]!);
        Assert.DoesNotContain(texts, t => t?.StartsWith('0') == true);
        Assert.Equal("3" + new string('x', 3000), texts.Last(t => t?.StartsWith('3') == true));
        Assert.Empty((await host.GetActivitiesAsync(conversationId, token, watermark))["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_poll_returns_at_most_a_page_and_the_next_poll_the_rest()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerPoll"] = "2" });
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "الأول");
        await host.PostMessageAsync(conversationId, token, "الثاني", "client-2");

        var texts = new List<string?>();
        var watermark = "";
        for (var page = 0; page < 4; page++)
        {
            var set = await host.GetActivitiesAsync(conversationId, token, watermark);
            var activities = set["activities"]!.AsArray();
            Assert.True(activities.Count <= 2);
            texts.AddRange(activities.Select(a => (string?)a!["text"]));
            watermark = (string)set["watermark"]!;
        }

        Assert.Equal(["الأول", "أهلا", null, "جواب: الأول", "الثاني", null, "جواب: الثاني"], texts);
    }

    [Fact]
    public async Task An_idle_conversation_expires()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?>
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
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "2048" });
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
