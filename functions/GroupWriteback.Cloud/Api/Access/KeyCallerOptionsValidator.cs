using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Every key role must be one of <see cref="AdminRoles.All"/>: a typo would silently lock the key out.</summary>
public sealed class KeyCallerOptionsValidator : IValidateOptions<KeyCallerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KeyCallerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unknown = options.EffectiveKeyRoles.Where(r => !AdminRoles.IsKnown(r)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{KeyCallerOptions.SectionName}:{nameof(KeyCallerOptions.KeyRoles)} names unknown role(s) {string.Join(", ", unknown)}; " +
                $"the roles are {string.Join(", ", AdminRoles.All)}.");
    }
}
