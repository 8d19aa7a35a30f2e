namespace Assistant.Web.Tests.Infrastructure;

/// <summary>A bot host that requires Bot Connector tokens, with the fake identity that issues them and a fake channel to reply to.</summary>
public sealed class AuthenticatedBot : IAsyncDisposable
{
    private AuthenticatedBot(FakeBotConnectorIdentity identity, FakeChannel channel, BotFactory factory)
    {
        Identity = identity;
        Channel = channel;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeBotConnectorIdentity Identity { get; }

    public FakeChannel Channel { get; }

    public BotFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<AuthenticatedBot> StartAsync()
    {
        var identity = await FakeBotConnectorIdentity.StartAsync();
        var channel = await FakeChannel.StartAsync();
        var factory = new BotFactory(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = FakeBotConnectorIdentity.AppId,
            ["Bot:OpenIdMetadataUrl"] = identity.MetadataUrl,
            ["Bot:ValidIssuers:0"] = FakeBotConnectorIdentity.Issuer,
        });
        return new AuthenticatedBot(identity, channel, factory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Channel.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
