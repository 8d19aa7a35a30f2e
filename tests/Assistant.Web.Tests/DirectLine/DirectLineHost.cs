using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Assistant.Web.Bot;
using Assistant.Web.DirectLine;
using Assistant.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Web.Tests.DirectLine;

/// <summary>
/// The Direct Line routes alone on a real loopback Kestrel socket, with a fake bot that answers over HTTP
/// through the Connector routes, exactly as the real bot does; the clock is fake so lifetimes can be tested.
/// </summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private DirectLineHost(WebApplication app, FakeBot bot, FakeTimeProvider time)
    {
        this.app = app;
        Bot = bot;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public FakeBot Bot { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<DirectLineHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var bot = new FakeBot();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IBotActivityProcessor>(bot);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddSharedState(builder.Configuration);
        var app = builder.Build();
        app.UseWebChatPage();
        app.UseDirectLine();
        app.MapDirectLine();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DirectLineHost(app, bot, time);
    }

    /// <summary>tokens/generate then start: the page's two first calls.</summary>
    public async Task<(string ConversationId, string Token)> StartConversationAsync()
    {
        var generated = await ReadJsonAsync(await Client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken));
        var token = (string)generated["token"]!;
        using var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        return ((string)generated["conversationId"]!, token);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a message as Web Chat does and returns the id the channel gave it.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string clientActivityId = "client-1")
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Message(text, clientActivityId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (string)(await ReadJsonAsync(response))["id"]!;
    }

    public async Task<JsonObject> GetActivitiesAsync(string conversationId, string token, string? watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static object Message(string text, string clientActivityId = "client-1") => new
    {
        type = "message",
        text,
        textFormat = "plain",
        channelId = "webchat",
        from = new { id = "user1", name = "", role = "user" },
        locale = "ar-EG",
        channelData = new { clientActivityID = clientActivityId },
    };

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
