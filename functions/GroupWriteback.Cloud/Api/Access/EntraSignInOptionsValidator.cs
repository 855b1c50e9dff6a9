using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Entra sign-in is either off or complete; each failure names the setting.</summary>
public sealed class EntraSignInOptionsValidator : IValidateOptions<EntraSignInOptions>
{
    private const string Section = EntraSignInOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EntraSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"{Section}:{nameof(options.TenantId)} must be the tenant id (a GUID) when {Section}:{nameof(options.ClientId)} is set.");
        }

        if (!Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"{Section}:{nameof(options.ClientId)} must be the admin API's application (client) id, a GUID, when {Section}:{nameof(options.TenantId)} is set.");
        }

        if (!options.Instance.IsAbsoluteUri || (options.Instance.Scheme != Uri.UriSchemeHttps && !(options.LocalInstance && options.Instance.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:{nameof(options.Instance)} must be an absolute https address such as https://login.microsoftonline.com/ (plain http only on loopback).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
