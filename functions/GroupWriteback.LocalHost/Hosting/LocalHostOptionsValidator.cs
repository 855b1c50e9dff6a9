using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>The admin key must be present and long enough; the failure names the setting.</summary>
internal sealed class LocalHostOptionsValidator : IValidateOptions<LocalHostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ApiKey is { Length: >= LocalHostOptions.MinApiKeyLength } key && !string.IsNullOrWhiteSpace(key)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{LocalHostOptions.SectionName}:{nameof(LocalHostOptions.ApiKey)} is required ({LocalHostOptions.MinApiKeyLength} characters or more); " +
                "set it in the settings file or as LocalHost__ApiKey.");
    }
}
