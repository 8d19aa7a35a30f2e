using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>
/// /api/messages under hostile input: the caller is authenticated from the headers before any of the body is read, and the
/// body is read only up to what an activity can be.
/// </summary>
public sealed class MessagesLimitsTests : IAsyncLifetime
{
    private FakeBotConnectorIdentity _identity = null!;
    private AuthenticatedBot _bot = null!;
    private FakeChannel _channel = null!;
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bot = await AuthenticatedBot.StartAsync();
        (_identity, _channel, _factory, _client) = (_bot.Identity, _bot.Channel, _bot.Factory, _bot.Client);
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task An_unauthenticated_request_is_refused_before_its_body_is_read()
    {
        // Were the body parsed first, this would be a 400 for bad JSON.
        var response = await _client.PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_lowercase_bearer_scheme_is_accepted()
    {
        var activity = Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
        request.Headers.TryAddWithoutValidation("Authorization", $"bearer {_identity.Token(_channel.ServiceUrl)}");

        var response = await _client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_authenticated_body_over_the_activity_limit_gets_413()
    {
        var activity = Activities.ExpectReplies(Activities.Message(new string('x', 300 * 1024), _channel.ServiceUrl));

        var response = await Activities.PostAsync(_client, activity, _identity.Token(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]);
        Assert.Empty(_factory.Answers.Questions);
    }
}

/// <summary>The whole host on a real socket, where Kestrel itself enforces request limits.</summary>
public sealed class MessagesOverSocketTests
{
    [Fact]
    public async Task An_impossible_content_length_gets_413_not_500()
    {
        await using var factory = new BotFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();

        using var socket = new TcpClient();
        await socket.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        var head = "POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 999999999999\r\n\r\n{\"type\":\"message\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 413", statusLine);
    }
}
