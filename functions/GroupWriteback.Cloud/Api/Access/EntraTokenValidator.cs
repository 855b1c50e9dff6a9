using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Validates an Entra ID access token for the admin API in the worker: signed (RS256) by a key of the tenant's
/// OpenID metadata, issued by that tenant (the metadata's v2.0 issuer), for the admin API's audience, and within its
/// lifetime. The metadata and keys are fetched through <see cref="IDocumentRetriever"/> and cached (refreshed when a
/// token names an unknown key), so tests serve a local document and no network is needed.
/// </summary>
public sealed class EntraTokenValidator
{
    private readonly EntraSignInOptions _options;
    private readonly ILogger<EntraTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters? _parameters;

    /// <summary>Reads the metadata of <see cref="EntraSignInOptions.MetadataAddress"/> through <paramref name="retriever"/>.</summary>
    public EntraTokenValidator(IOptions<EntraSignInOptions> options, IDocumentRetriever retriever, ILogger<EntraTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        if (!_options.Enabled)
        {
            return;
        }

        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.MetadataAddress.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
        _parameters = new TokenValidationParameters
        {
            // Issuer and signing keys come from the tenant's metadata.
            ConfigurationManager = metadata,
            ValidAudiences = _options.ValidAudiences,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            NameClaimType = "preferred_username",
            RoleClaimType = EntraClaims.Roles,
        };
    }

    /// <summary>The principal <paramref name="token"/> names, or why it is refused.</summary>
    public async Task<TokenCheck> ValidateAsync(string token)
    {
        if (_parameters is null)
        {
            return TokenCheck.Refused(
                $"Entra sign-in is not configured ({EntraSignInOptions.SectionName}:{nameof(EntraSignInOptions.TenantId)} and " +
                $"{nameof(EntraSignInOptions.ClientId)}); call the admin API with a key only.");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            var reason = result.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : "not valid";
            SignInLog.TokenRefused(_logger, reason);
            return TokenCheck.Refused($"The bearer token was refused ({reason}).");
        }

        if (EntraClaims.ToPrincipal(result.ClaimsIdentity) is not { } principal)
        {
            SignInLog.TokenRefused(_logger, "no oid claim");
            return TokenCheck.Refused("The bearer token names no object id (oid); use an access token Entra ID issued for the admin API.");
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var who = principal.Describe();
            var roles = string.Join(',', principal.Roles);
            SignInLog.TokenAccepted(_logger, who, roles);
        }

        return TokenCheck.Accepted(principal);
    }
}
