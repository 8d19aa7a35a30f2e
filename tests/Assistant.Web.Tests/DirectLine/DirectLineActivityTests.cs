using System.Net;
using System.Text.Json.Nodes;
using Assistant.Web.Bot;

namespace Assistant.Web.Tests.DirectLine;

public sealed class DirectLineActivityTests
{
    [Fact]
    public async Task The_users_activity_is_echoed_with_its_client_activity_id_then_typing_then_the_reply()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var id = await host.PostMessageAsync(conversationId, token, "متى صدر البيان؟", clientActivityId: "abc123");
        var activities = (await host.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray();

        var echo = activities[0]!;
        Assert.Equal(id, (string)echo["id"]!);
        Assert.StartsWith(conversationId + "|", id);
        Assert.Equal("abc123", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal("متى صدر البيان؟", (string)echo["text"]!);
        Assert.Equal("directline", (string)echo["channelId"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.NotNull(echo["timestamp"]);
        Assert.Null(echo["serviceUrl"]);
        Assert.Equal(
            ["message", "message", "typing", "message"],
            activities.Select(activity => (string)activity!["type"]!));
        Assert.Equal("أهلا", (string)activities[1]!["text"]!);
        Assert.Equal(id, (string)activities[2]!["replyToId"]!);
        Assert.Equal("جواب: متى صدر البيان؟", (string)activities[3]!["text"]!);
        Assert.Equal(id, (string)activities[3]!["replyToId"]!);
        Assert.Equal("bot", (string)activities[3]!["from"]!["role"]!);
    }

    [Fact]
    public async Task The_bot_gets_the_stamped_activity_after_a_members_added_update()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var id = await host.PostMessageAsync(conversationId, token, "سؤال");
        await host.PostMessageAsync(conversationId, token, "سؤال آخر", "client-2");

        var received = host.Bot.Received.ToList();
        Assert.Equal([ActivityTypes.ConversationUpdate, ActivityTypes.Message, ActivityTypes.Message], received.Select(activity => activity.Type));
        Assert.Contains(received[0].MembersAdded!, member => member.Id == "user1");
        var message = received[1];
        Assert.Equal(id, message.Id);
        Assert.Equal("directline", message.ChannelId);
        Assert.Equal(conversationId, message.Conversation!.Id);
        Assert.Equal("assistant", message.Recipient!.Id);
        Assert.Equal("user1", message.From!.Id);
        Assert.NotNull(message.Timestamp);
        var serviceUrl = new Uri(message.ServiceUrl!);
        Assert.True(serviceUrl.IsLoopback);
        Assert.Equal(host.Client.BaseAddress!.Port, serviceUrl.Port);
        Assert.EndsWith("/", message.ServiceUrl);
    }

    [Fact]
    public async Task Watermarks_return_only_what_came_after_them()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "الأول");

        var first = await host.GetActivitiesAsync(conversationId, token, watermark: "");
        var watermark = (string)first["watermark"]!;
        var nothingNew = await host.GetActivitiesAsync(conversationId, token, watermark);
        await host.PostMessageAsync(conversationId, token, "الثاني", "client-2");
        var next = await host.GetActivitiesAsync(conversationId, token, watermark);

        Assert.Equal(4, first["activities"]!.AsArray().Count);
        Assert.Empty(nothingNew["activities"]!.AsArray());
        Assert.Equal(watermark, (string)nothingNew["watermark"]!);
        Assert.Equal(["الثاني", null, "جواب: الثاني"], next["activities"]!.AsArray().Select(activity => (string?)activity!["text"]));
        Assert.NotEqual(watermark, (string)next["watermark"]!);
    }

    [Fact]
    public async Task A_watermark_that_is_not_one_of_ours_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_from_id_or_not_json_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        using var noFrom = await host.SendAsync(HttpMethod.Post, path, token, new { type = "message", text = "بلا مرسل" });
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        using var broken = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, noFrom.StatusCode);
        Assert.Equal("MissingProperty", (string)(await DirectLineHost.ReadJsonAsync(noFrom))["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_failing_bot_gives_502_BotRejectedActivity()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        host.Bot.Fail = true;

        using var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, DirectLineHost.Message("سؤال"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("BotRejectedActivity", (string)(await DirectLineHost.ReadJsonAsync(response))["error"]!["code"]!);
    }

    [Fact]
    public async Task Connector_posts_without_this_processes_key_are_refused()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "سؤال");
        var serviceUrl = host.Bot.Received.Last().ServiceUrl!;
        var guessed = serviceUrl.Replace(new Uri(serviceUrl).Segments[^1].TrimEnd('/'), "guessed-key");

        using var forged = await host.Client.PostAsync(
            $"{guessed}v3/conversations/{conversationId}/activities",
            System.Net.Http.Json.JsonContent.Create(new { type = "message", text = "رسالة مزورة" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain(
            (await host.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray(),
            activity => (string?)activity!["text"] == "رسالة مزورة");
    }
}
