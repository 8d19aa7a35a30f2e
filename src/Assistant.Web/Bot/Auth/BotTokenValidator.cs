using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Web.Bot.Auth;

/// <summary>The outcome of checking an inbound request; <see cref="Failure"/> is for the log, never for the caller.</summary>
public sealed record BotAuthResult(bool Succeeded, string? Failure)
{
    public static readonly BotAuthResult Success = new(true, null);
    public static BotAuthResult Fail(string reason) => new(false, reason);
}

/// <summary>
/// Validates the channel's Bearer JWT as protocols.md A7 prescribes: RS256/384/512 signature by a key from the
/// Bot Connector JWKS, issuer, audience = our app id, lifetime with 5 minutes of skew, the <c>serviceurl</c> claim equal to
/// the activity's serviceUrl, and the signing key's endorsements containing the activity's channelId.
/// </summary>
public sealed class BotTokenValidator(IOptions<BotOptions> options, BotMetadataProvider metadata, ILogger<BotTokenValidator> logger)
{
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsProperty = "endorsements";
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<BotAuthResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (!AuthenticationHeaderValue.TryParse(authorizationHeader, out var header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.Ordinal) ||
            string.IsNullOrWhiteSpace(header.Parameter))
        {
            return BotAuthResult.Fail("missing or malformed Authorization header");
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
            return BotAuthResult.Fail($"token rejected: {result.Exception?.GetType().Name}");
        }

        var claimedServiceUrl = result.Claims
            .FirstOrDefault(c => string.Equals(c.Key, ServiceUrlClaim, StringComparison.OrdinalIgnoreCase)).Value as string;
        if (claimedServiceUrl is null || !string.Equals(claimedServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId))
        {
            var kid = ((JsonWebToken)result.SecurityToken).Kid;
            var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
            if (key is null || !Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal))
            {
                return BotAuthResult.Fail($"the signing key is not endorsed for channel '{activity.ChannelId}'");
            }
        }
        return BotAuthResult.Success;
    }

    /// <summary>Validates and logs; the reason stays in the log.</summary>
    public async Task<bool> IsAuthorizedAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(authorizationHeader, activity, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Rejected activity {ActivityId} from channel {ChannelId}: {Reason}", activity.Id, activity.ChannelId, result.Failure);
        }
        return result.Succeeded;
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
