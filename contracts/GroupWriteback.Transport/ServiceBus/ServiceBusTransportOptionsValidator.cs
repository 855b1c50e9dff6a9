using Microsoft.Extensions.Options;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Rules data annotations cannot express; each failure names the setting.</summary>
public sealed class ServiceBusTransportOptionsValidator : IValidateOptions<ServiceBusTransportOptions>
{
    private const string Section = ServiceBusTransportOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasNamespace = !string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasNamespace && !hasConnectionString)
        {
            failures.Add($"{Section}:{nameof(options.FullyQualifiedNamespace)} (or {Section}:{nameof(options.ConnectionString)}) is required.");
        }

        if (hasNamespace && hasConnectionString)
        {
            failures.Add($"Set {Section}:{nameof(options.FullyQualifiedNamespace)} or {Section}:{nameof(options.ConnectionString)}, not both.");
        }

        if (hasNamespace && Uri.CheckHostName(options.FullyQualifiedNamespace) != UriHostNameType.Dns)
        {
            failures.Add($"{Section}:{nameof(options.FullyQualifiedNamespace)} must be a host name such as sb-gw.servicebus.windows.net, without scheme or port; got '{options.FullyQualifiedNamespace}'.");
        }

        ServiceBusCredentialRules.Check(options, failures);

        if (hasConnectionString && (!string.IsNullOrWhiteSpace(options.Credential) || !string.IsNullOrWhiteSpace(options.ClientId)))
        {
            failures.Add($"{Section}:{nameof(options.Credential)} and {Section}:{nameof(options.ClientId)} apply to {Section}:{nameof(options.FullyQualifiedNamespace)}, not to a connection string.");
        }

        if (string.Equals(options.CommandsQueue, options.ResultsQueue, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:{nameof(options.CommandsQueue)} and {Section}:{nameof(options.ResultsQueue)} must name different queues.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
