using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// Plays the Bot Connector's token service on loopback: OpenID metadata and a JWKS whose keys carry
/// <c>endorsements</c>, and tokens signed with those keys (or with a key it never published).
/// </summary>
public sealed class FakeBotConnectorIdentity : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.test";
    public const string AppId = "7f3c1a52-6c1e-4a0b-9d65-2b9a3f0e8c11";

    private readonly LoopbackServer _server;

    private FakeBotConnectorIdentity(LoopbackServer server, SigningKey endorsed, SigningKey teamsOnly)
    {
        _server = server;
        Endorsed = endorsed;
        TeamsOnly = teamsOnly;
    }

    /// <summary>Published, endorsed for directline, webchat and msteams.</summary>
    public SigningKey Endorsed { get; }
    /// <summary>Published, endorsed for msteams only.</summary>
    public SigningKey TeamsOnly { get; }
    /// <summary>Never published.</summary>
    public SigningKey Unknown { get; } = new("unknown-key", []);
    /// <summary>Published only after <see cref="RollKeys"/>, like a key the Bot Connector adds while the bot is running.</summary>
    public SigningKey Rolled { get; } = new("rolled-key", ["directline", "webchat", "msteams"]);

    private volatile bool _rolled;

    public void RollKeys() => _rolled = true;

    public string MetadataUrl => new Uri(_server.BaseUri, "v1/.well-known/openidconfiguration").AbsoluteUri;

    public static async Task<FakeBotConnectorIdentity> StartAsync()
    {
        var endorsed = new SigningKey("key-1", ["directline", "webchat", "msteams"]);
        var teamsOnly = new SigningKey("key-2", ["msteams"]);
        LoopbackServer? server = null;
        FakeBotConnectorIdentity? identity = null;
        server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = new Uri(server!.BaseUri, "v1/.well-known/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }));
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject
            {
                ["keys"] = identity!._rolled
                    ? new JsonArray(endorsed.ToJwk(), teamsOnly.ToJwk(), identity.Rolled.ToJwk())
                    : new JsonArray(endorsed.ToJwk(), teamsOnly.ToJwk()),
            }));
        });
        identity = new FakeBotConnectorIdentity(server, endorsed, teamsOnly);
        return identity;
    }

    /// <summary>A token as the Bot Connector issues it; every part can be spoiled for a negative test.</summary>
    public string Token(string serviceUrl, SigningKey? key = null, string issuer = Issuer, string audience = AppId, TimeSpan? age = null)
    {
        var issued = DateTime.UtcNow - (age ?? TimeSpan.Zero);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddMinutes(60),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials((key ?? Endorsed).SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public sealed class SigningKey(string kid, string[] endorsements)
    {
        public RsaSecurityKey SecurityKey { get; } = new(RSA.Create(2048)) { KeyId = kid };

        public JsonObject ToJwk()
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(SecurityKey.Rsa.ExportParameters(false)) { KeyId = SecurityKey.KeyId });
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = jwk.Kid,
                ["n"] = jwk.N,
                ["e"] = jwk.E,
                ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
            };
        }
    }
}
