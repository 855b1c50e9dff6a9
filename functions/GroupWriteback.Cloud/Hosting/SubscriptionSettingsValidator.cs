using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>A notification URL needs HTTPS and a client state; each failure names the setting.</summary>
public sealed class SubscriptionSettingsValidator : IValidateOptions<SubscriptionSettings>
{
    private const string Section = SubscriptionSettings.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SubscriptionSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NotificationUrl is not { } url)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback))
        {
            failures.Add($"{Section}:{nameof(options.NotificationUrl)} must be an absolute https URL; got '{url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientState) || options.ClientState.Length > 128)
        {
            failures.Add($"{Section}:{nameof(options.ClientState)} is required with {Section}:{nameof(options.NotificationUrl)} (1 to 128 characters).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
