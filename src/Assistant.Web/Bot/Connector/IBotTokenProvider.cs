namespace Assistant.Web.Bot.Connector;

/// <summary>The bot's own bearer token for Connector calls (docs/protocols.md A9).</summary>
public interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
