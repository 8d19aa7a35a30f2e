using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Web.DirectLine;

/// <summary>A token that lets its holder use exactly one conversation until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineToken(string Value, string ConversationId, DateTimeOffset ExpiresAt);

public enum TokenStatus { Valid, Missing, Invalid, Expired }

public sealed record TokenCheck(TokenStatus Status, DirectLineToken? Token);

/// <summary>
/// Issues and checks the channel's tokens: HMAC-SHA256 signed JWTs carrying the conversation id.
/// Expiry is checked against the injected <see cref="TimeProvider"/> rather than the library's wall clock,
/// so lifetimes can be tested without waiting.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "assistant-directline";
    private const string ConversationClaim = "conv";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var configuredKey = options.Value.TokenSigningKey;
        var key = new SymmetricSecurityKey(configuredKey.Length > 0
            ? Convert.FromBase64String(configuredKey)
            : RandomNumberGenerator.GetBytes(32));
        credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
        };
        this.time = time;
        lifetime = options.Value.TokenLifetime;
    }

    public DirectLineToken Issue(string conversationId)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var value = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { [ConversationClaim] = conversationId },
            SigningCredentials = credentials,
        });
        return new DirectLineToken(value, conversationId, expires);
    }

    /// <summary>Whole seconds until the token expires (Direct Line's <c>expires_in</c>).</summary>
    public int SecondsLeft(DirectLineToken token) => (int)Math.Max(0, (token.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    /// <summary>Checks the bearer token of a request's <c>Authorization</c> header value.</summary>
    public async Task<TokenCheck> CheckAsync(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new TokenCheck(TokenStatus.Missing, null);
        }

        var value = authorization[scheme.Length..].Trim();
        var result = await handler.ValidateTokenAsync(value, validation);
        if (!result.IsValid
            || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId)
            || string.IsNullOrEmpty(conversationId))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var token = new DirectLineToken(value, conversationId, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        return time.GetUtcNow() >= token.ExpiresAt
            ? new TokenCheck(TokenStatus.Expired, token)
            : new TokenCheck(TokenStatus.Valid, token);
    }
}
