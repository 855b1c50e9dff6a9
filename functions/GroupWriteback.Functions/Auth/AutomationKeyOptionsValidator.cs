using Microsoft.Extensions.Options;

using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Functions.Auth;

/// <summary>
/// Every automation key is at least <see cref="AutomationKeyOptions.MinKeyLength"/> characters, and without Entra
/// sign-in there must be one (else nobody could call the admin API). Failures name <c>AdminAuth:Keys</c>, never a key.
/// </summary>
internal sealed class AutomationKeyOptionsValidator(IOptions<EntraSignInOptions> entra) : IValidateOptions<AutomationKeyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AutomationKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = options.EffectiveKeys;
        var failures = new List<string>();
        if (keys.Count == 0 && !entra.Value.Enabled)
        {
            failures.Add(
                $"{AutomationKeyOptions.SettingName} must hold at least one automation key (comma-separated, each at least {AutomationKeyOptions.MinKeyLength} characters) " +
                $"when Entra sign-in ({EntraSignInOptions.SectionName}) is not configured; otherwise nobody can call the admin API.");
        }

        var shortKeys = keys.Count(k => k.Length < AutomationKeyOptions.MinKeyLength);
        if (shortKeys > 0)
        {
            failures.Add($"{AutomationKeyOptions.SettingName} holds {shortKeys} key(s) shorter than {AutomationKeyOptions.MinKeyLength} characters; use long random keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
