using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Web.Bot.Auth;

/// <summary>A bearer token whose signature, issuer, audience and lifetime passed; the activity is checked against it next.</summary>
public sealed record ValidatedBotToken(string? ServiceUrl, JsonWebKey? SigningKey);

/// <summary>
/// Validates the channel's Bearer JWT as docs/protocols.md A7 prescribes, in two steps so that nothing of the body is read for
/// a caller without a valid token: first the header alone (RS256/384/512 signature by a key from the Bot Connector JWKS,
/// issuer, audience = our app id, lifetime with 5 minutes of skew), then the activity against it (the <c>serviceurl</c>
/// claim equal to the activity's serviceUrl, the signing key's endorsements containing the activity's channelId).
/// </summary>
public sealed class BotTokenValidator(IOptions<BotOptions> options, BotMetadataProvider metadata, ILogger<BotTokenValidator> logger)
{
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsProperty = "endorsements";
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token of the Authorization header, or null (logged) when there is none or it does not validate.</summary>
    public async Task<ValidatedBotToken?> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" is as good as "Bearer".
        if (!AuthenticationHeaderValue.TryParse(authorizationHeader, out var header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ||
            string.IsNullOrWhiteSpace(header.Parameter))
        {
            return Rejected("missing or malformed Authorization header");
        }

        var config = await metadata.GetAsync(cancellationToken);
        var result = await Handler.ValidateTokenAsync(header.Parameter, Parameters(config));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key id we do not know yet: the keys may have been rolled since we last fetched them.
            config = await metadata.RefreshAsync(cancellationToken);
            result = await Handler.ValidateTokenAsync(header.Parameter, Parameters(config));
        }
        if (!result.IsValid)
        {
            return Rejected($"token rejected: {result.Exception?.GetType().Name}");
        }

        var serviceUrl = result.Claims
            .FirstOrDefault(c => string.Equals(c.Key, ServiceUrlClaim, StringComparison.OrdinalIgnoreCase)).Value as string;
        var kid = ((JsonWebToken)result.SecurityToken).Kid;
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        return new ValidatedBotToken(serviceUrl, key);
    }

    /// <summary>Whether the activity is one this token may carry; the reason of a refusal is logged.</summary>
    public bool Admits(ValidatedBotToken token, Activity activity)
    {
        var refusal = Refusal(token, activity);
        if (refusal is not null)
        {
            logger.LogWarning("Rejected activity {ActivityId} from channel {ChannelId}: {Reason}", activity.Id, activity.ChannelId, refusal);
        }
        return refusal is null;
    }

    /// <summary>Why the token may not carry the activity (for the log, never for the caller), or null when it may.</summary>
    private static string? Refusal(ValidatedBotToken token, Activity activity)
    {
        if (token.ServiceUrl is null || !string.Equals(token.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }
        if (!string.IsNullOrEmpty(activity.ChannelId) &&
            (token.SigningKey is null || !Endorsements(token.SigningKey).Contains(activity.ChannelId, StringComparer.Ordinal)))
        {
            return $"the signing key is not endorsed for channel '{activity.ChannelId}'";
        }
        return null;
    }

    private ValidatedBotToken? Rejected(string reason)
    {
        logger.LogWarning("Rejected a request to the messaging endpoint: {Reason}", reason);
        return null;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration config) => new()
    {
        ValidIssuers = options.Value.EffectiveIssuers,
        ValidAudience = options.Value.MicrosoftAppId,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
    };

    /// <summary>The JWKS <c>endorsements</c> extension, kept by IdentityModel among the key's additional data.</summary>
    private static IEnumerable<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(EndorsementsProperty, out var value))
        {
            return [];
        }
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<object> items => items.Select(i => i?.ToString() ?? ""),
            _ => [],
        };
    }
}
