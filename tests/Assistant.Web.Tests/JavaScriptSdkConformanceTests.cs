using Assistant.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>
/// Microsoft's Bot Framework JavaScript SDK (botbuilder 4.23.3, tests/js) talks to the bot on a real socket: as a
/// channel/parent bot posting with expectReplies, and as the channel receiving normal-delivery replies.
/// </summary>
public sealed class JavaScriptSdkConformanceTests : IAsyncLifetime
{
    private const string Question = "متى وقعت المعاهدة؟";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private readonly BotFactory _factory = new();
    private string _messagesUrl = "";

    public ValueTask InitializeAsync()
    {
        // An explicit loopback endpoint: UseKestrel(0) races with the server binding its default address.
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _messagesUrl = address.TrimEnd('/') + "/api/messages";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task BotFrameworkHttpClient_with_expect_replies_gets_the_cited_answer()
    {
        var result = await NodeScript.RunAsync("expect-replies.js", ScriptTimeout, _messagesUrl, Question);

        Assert.Equal(200, (int)result["status"]!);
        var activities = result["activities"]!.AsArray();
        var answer = activities.Single(a => (string?)a!["type"] == "message")!;
        Assert.Contains("[1]", (string)answer["text"]!);
        Assert.Equal("markdown", (string?)answer["textFormat"]);
        var claims = answer["entities"]![0]!["citation"]!.AsArray();
        Assert.Equal([1, 2], claims.Select(c => (int)c!["position"]!));
        Assert.Equal("js-activity-1", (string?)answer["replyToId"]);
        Assert.Equal("js-user", (string?)answer["recipient"]!["id"]);
        // The skill client rewrote the conversation id it sends; the question was asked in that conversation.
        var asked = Assert.Single(_factory.Answers.Questions);
        Assert.Equal(Question, asked.Text);
        Assert.Equal("directline:js-conversation", asked.ConversationId);
    }

    [Fact]
    public async Task ChannelServiceRoutes_receive_and_parse_the_normal_delivery_replies()
    {
        const string conversationId = "19:abc@thread.tacv2;messageid=1700000000000";

        var result = await NodeScript.RunAsync("normal-delivery.js", ScriptTimeout, _messagesUrl, Question, conversationId);

        Assert.Equal(200, (int)result["ack"]!["status"]!);
        var calls = result["calls"]!.AsArray();
        Assert.Equal(["typing", "message"], calls.Select(c => (string?)c!["activity"]!["type"]));
        var answer = calls[^1]!;
        // Routed by the SDK as a reply, with the ids it decoded from the escaped path.
        Assert.Equal("replyToActivity", (string?)answer["operation"]);
        Assert.Equal(conversationId, (string?)answer["conversationId"]);
        Assert.Equal("js-activity-2", (string?)answer["activityId"]);
        var activity = answer["activity"]!;
        Assert.Equal("28:assistant-bot", (string?)activity["from"]!["id"]);
        Assert.Equal("29:js-user", (string?)activity["recipient"]!["id"]);
        Assert.Equal("ar-EG", (string?)activity["locale"]);
        Assert.Contains("[2]", (string)activity["text"]!);
        Assert.Equal(2, activity["entities"]![0]!["citation"]!.AsArray().Count);
    }
}
