using GroupWriteback.Agent.Directory;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Configuration;

/// <summary>Checks what data annotations cannot: DNs parse, TLS and credentials make sense.</summary>
internal sealed class DirectoryOptionsValidator : IValidateOptions<DirectoryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Server))
        {
            errors.Add("Directory:Server is required (the domain controller's host name).");
        }

        if (options.TargetOus.Count == 0)
        {
            errors.Add("Directory:TargetOus needs at least one OU DN; the agent writes only under these.");
        }

        var parsed = new List<DistinguishedName>();
        foreach (var ou in options.TargetOus)
        {
            if (DistinguishedName.TryParse(ou, out var dn, out var error))
            {
                parsed.Add(dn);
                if (ScopeProblem(dn) is { } problem)
                {
                    errors.Add($"Directory:TargetOus entry '{ou}' {problem}");
                }
            }
            else
            {
                errors.Add($"Directory:TargetOus entry '{ou}' is not a DN: {error}.");
            }
        }

        if (!string.IsNullOrEmpty(options.DefaultTargetOu) &&
            (!DistinguishedName.TryParse(options.DefaultTargetOu, out var fallback, out _) || !parsed.Any(fallback.IsWithin)))
        {
            errors.Add($"Directory:DefaultTargetOu '{options.DefaultTargetOu}' must be one of, or below, Directory:TargetOus.");
        }

        if (!options.UseTls && !options.AllowPlaintext)
        {
            errors.Add("Directory:UseTls is false but Directory:AllowPlaintext is not set; refusing to send credentials in clear text.");
        }

        var basic = string.Equals(options.AuthType, "Basic", StringComparison.OrdinalIgnoreCase);
        if (!basic && !string.Equals(options.AuthType, "Negotiate", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Directory:AuthType '{options.AuthType}' must be Negotiate or Basic.");
        }

        if (basic && (string.IsNullOrEmpty(options.BindUser) || string.IsNullOrEmpty(options.BindPassword)))
        {
            errors.Add("Directory:AuthType Basic needs Directory:BindUser and Directory:BindPassword.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// A scope is an organizational unit of its own: a domain root or a container (CN=Users, CN=System) would let
    /// the agent write among objects it has no business with, and so would the Domain Controllers OU.
    /// </summary>
    private static string? ScopeProblem(DistinguishedName dn) =>
        dn.Rdns.Count == 0 || !string.Equals(dn.Rdns[0].Type, "OU", StringComparison.OrdinalIgnoreCase)
            ? "is not an organizational unit (its first RDN must be OU=); the agent writes only inside OUs made for it."
            : dn.Rdns.Any(r => string.Equals(r.Type, "OU", StringComparison.OrdinalIgnoreCase) && string.Equals(r.Value, "Domain Controllers", StringComparison.OrdinalIgnoreCase))
                ? "is or lies below the Domain Controllers OU; choose an OU made for written-back groups."
                : null;
}
