using System.Net;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Credential rules that data annotations cannot express; each failure names the setting.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    /// <summary>Shortest accepted clientState: it is the only proof that a notification comes from Graph.</summary>
    public const int MinClientStateLength = 16;

    /// <summary>Graph's limit for clientState.</summary>
    public const int MaxClientStateLength = 128;

    private const string Section = GraphOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri
            || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:{nameof(options.BaseUrl)} must be an absolute http(s) URL such as https://graph.microsoft.com/v1.0.");
        }
        else if (options.BaseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(options.BaseUrl))
        {
            failures.Add($"{Section}:{nameof(options.BaseUrl)} must use https unless it points at a loopback emulator.");
        }

        var modes = (options.UseEmulatorCredential ? 1 : 0) + (options.ManagedIdentity ? 1 : 0)
            + (string.IsNullOrWhiteSpace(options.ClientSecret) ? 0 : 1);
        if (modes > 1)
        {
            failures.Add($"Set only one of {Section}:{nameof(options.UseEmulatorCredential)}, {Section}:{nameof(options.ManagedIdentity)} and {Section}:{nameof(options.ClientSecret)}.");
        }
        else if (options.UseEmulatorCredential)
        {
            if (options.BaseUrl is { IsAbsoluteUri: true } && !IsLoopback(options.BaseUrl))
            {
                failures.Add($"{Section}:{nameof(options.UseEmulatorCredential)} is allowed only when {Section}:{nameof(options.BaseUrl)} is a loopback address.");
            }
        }
        else if (!options.ManagedIdentity)
        {
            RequireSetting(failures, nameof(options.TenantId), options.TenantId);
            RequireSetting(failures, nameof(options.ClientId), options.ClientId);
            RequireSetting(failures, nameof(options.ClientSecret), options.ClientSecret,
                $" (or set {Section}:{nameof(options.ManagedIdentity)}=true)");
        }

        ValidateNotifications(failures, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static void ValidateNotifications(List<string> failures, GraphOptions options)
    {
        if (options.NotificationUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)))))
        {
            failures.Add($"{Section}:{nameof(options.NotificationUrl)} must be an absolute https URL (http only on loopback), because Graph posts notifications there.");
        }

        if (options.ClientState is { } state
            && (state.Length < MinClientStateLength || state.Length > MaxClientStateLength || string.IsNullOrWhiteSpace(state)))
        {
            failures.Add($"{Section}:{nameof(options.ClientState)} must be {MinClientStateLength} to {MaxClientStateLength} characters.");
        }
        else if (options.NotificationUrl is not null && string.IsNullOrEmpty(options.ClientState))
        {
            failures.Add($"{Section}:{nameof(options.ClientState)} is required when {Section}:{nameof(options.NotificationUrl)} is set.");
        }
    }

    private static void RequireSetting(List<string> failures, string setting, string? value, string hint = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{setting} is required{hint}.");
        }
    }
}
