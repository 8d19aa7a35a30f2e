using System.Net;
using Assistant.Web.Bot;
using Assistant.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>
/// With an app id configured, every request must carry a Bot Connector JWT that passes docs/protocols.md A7; the keys come
/// from OpenID metadata + JWKS served on loopback by <see cref="FakeBotConnectorIdentity"/>.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private FakeBotConnectorIdentity _identity = null!;
    private AuthenticatedBot _bot = null!;
    private FakeChannel _channel = null!;
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await AuthenticatedBot.StartAsync();
        (_identity, _channel, _factory, _client) = (_bot.Identity, _bot.Channel, _bot.Factory, _bot.Client);
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private Activity Question(string channelId = "directline") =>
        Activities.ExpectReplies(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl, channelId));

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await Activities.PostAsync(_client, Question(), _identity.Token(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[1]", (await Activities.RepliesAsync(response))[^1].Text);
    }

    [Fact]
    public async Task The_service_url_claim_is_compared_case_insensitively()
    {
        var response = await Activities.PostAsync(_client, Question(), _identity.Token(_channel.ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_endorsed_for_the_channel_is_accepted()
    {
        var response = await Activities.PostAsync(_client, Question("msteams"), _identity.Token(_channel.ServiceUrl, _identity.TeamsOnly));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_rolled_while_running_is_fetched_when_a_token_names_it()
    {
        // Load the metadata with the first key set.
        Assert.Equal(HttpStatusCode.OK, (await Activities.PostAsync(_client, Question(), _identity.Token(_channel.ServiceUrl))).StatusCode);
        _identity.RollKeys();

        var response = await Activities.PostAsync(_client, Question(), _identity.Token(_channel.ServiceUrl, _identity.Rolled));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authenticated_replies_carry_the_bots_token_to_the_validated_service_url()
    {
        var activity = Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl);

        var response = await Activities.PostAsync(_client, activity, _identity.Token(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {BotFactory.OutboundToken}", (await _channel.NextAsync()).Authorization);
        Assert.Equal($"Bearer {BotFactory.OutboundToken}", (await _channel.NextAsync()).Authorization);
    }

    [Fact]
    public async Task The_embedded_channel_is_answered_on_loopback_without_the_bots_token()
    {
        var processor = _factory.Services.GetRequiredService<IBotActivityProcessor>();

        var returned = await processor.ProcessAsync(Activities.Message("متى وقعت المعاهدة؟", _channel.ServiceUrl), ActivityOrigin.EmbeddedChannel, TestContext.Current.CancellationToken);

        Assert.Empty(returned);
        Assert.Null((await _channel.NextAsync()).Authorization);
        var answer = await _channel.NextAsync();
        Assert.Null(answer.Authorization);
        Assert.Contains("[1]", answer.Activity.Text);
    }

    [Theory]
    [InlineData(ActivityOrigin.EmbeddedChannel)]
    [InlineData(ActivityOrigin.Anonymous)]
    public async Task Unauthenticated_origins_never_call_a_non_loopback_service_url(ActivityOrigin origin)
    {
        var processor = _factory.Services.GetRequiredService<IBotActivityProcessor>();

        var returned = await processor.ProcessAsync(Activities.Message("متى وقعت المعاهدة؟", "https://smba.trafficmanager.net/amer/"), origin, TestContext.Current.CancellationToken);

        Assert.Empty(returned);
        Assert.Empty(_factory.OutboundRequests);
        Assert.Empty(_factory.Answers.Questions);
    }

    public static TheoryData<string> RejectedCases => new()
    {
        "missing", "garbage", "not bearer", "expired", "wrong audience", "wrong issuer", "unknown key", "wrong serviceurl", "missing endorsement",
    };

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task Every_bad_token_gets_401_and_nothing_is_processed(string @case)
    {
        var serviceUrl = _channel.ServiceUrl;
        var activity = Activities.Message("متى وقعت المعاهدة؟", serviceUrl, "directline");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = System.Net.Http.Json.JsonContent.Create(activity, options: ActivityJson.Options),
        };
        var authorization = @case switch
        {
            "missing" => null,
            "garbage" => "Bearer not.a.jwt",
            "not bearer" => $"Basic {_identity.Token(serviceUrl)}",
            "expired" => $"Bearer {_identity.Token(serviceUrl, age: TimeSpan.FromMinutes(66))}",
            "wrong audience" => $"Bearer {_identity.Token(serviceUrl, audience: "another-bot")}",
            "wrong issuer" => $"Bearer {_identity.Token(serviceUrl, issuer: "https://api.botframework.com")}",
            "unknown key" => $"Bearer {_identity.Token(serviceUrl, _identity.Unknown)}",
            "wrong serviceurl" => $"Bearer {_identity.Token("https://attacker.example/")}",
            "missing endorsement" => $"Bearer {_identity.Token(serviceUrl, _identity.TeamsOnly)}",
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_factory.Answers.Questions);
        Assert.Empty(_factory.OutboundRequests);
        Assert.Equal(0, _channel.Attempts);
    }

    [Fact]
    public async Task An_expired_token_within_the_five_minute_skew_is_still_accepted()
    {
        // Issued 62 minutes ago, so it expired 2 minutes ago.
        var response = await Activities.PostAsync(_client, Question(), _identity.Token(_channel.ServiceUrl, age: TimeSpan.FromMinutes(62)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
