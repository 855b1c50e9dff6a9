using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Configuration;

/// <summary>Cross-field rules that data annotations cannot express; each failure names the setting.</summary>
internal sealed class WritebackScopeOptionsValidator : IValidateOptions<WritebackScopeOptions>
{
    private const string Section = WritebackScopeOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WritebackScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!LooksLikeDn(options.DefaultTargetOu))
        {
            failures.Add($"{Section}:{nameof(options.DefaultTargetOu)} must be an OU distinguished name such as OU=Groups,DC=corp,DC=test.");
        }

        foreach (var (groupId, ou) in options.TargetOuByGroup)
        {
            if (!LooksLikeDn(ou))
            {
                failures.Add($"{Section}:{nameof(options.TargetOuByGroup)}:{groupId} must be a distinguished name.");
            }
        }

        if (options.Mode == ScopeMode.Selected
            && options.SelectedGroupIds.Count == 0
            && string.IsNullOrWhiteSpace(options.SelectedFilter)
            && string.IsNullOrWhiteSpace(options.ScopingGroupId))
        {
            failures.Add($"{Section}:{nameof(options.Mode)} is Selected, so set {Section}:{nameof(options.SelectedGroupIds)}, {Section}:{nameof(options.SelectedFilter)} or {Section}:{nameof(options.ScopingGroupId)}.");
        }

        if (options.MaxDebounce < options.DebounceWindow)
        {
            failures.Add($"{Section}:{nameof(options.MaxDebounce)} must not be shorter than {Section}:{nameof(options.DebounceWindow)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool LooksLikeDn(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Contains('=', StringComparison.Ordinal)
        && value.Contains("DC=", StringComparison.OrdinalIgnoreCase);
}
