using GroupWriteback.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// The agent's first rule: it writes only inside the configured target OUs, whatever a command
/// says. Every DN is parsed (escapes decoded) before it is compared.
/// </summary>
internal sealed class ScopeGuard
{
    private readonly DistinguishedName[] _targetOus;

    /// <summary>Creates the guard from the configured OUs.</summary>
    public ScopeGuard(IOptions<DirectoryOptions> options)
        : this(options.Value.TargetOus)
    {
    }

    /// <summary>Creates the guard for the given OUs.</summary>
    public ScopeGuard(IEnumerable<string> targetOus)
    {
        ArgumentNullException.ThrowIfNull(targetOus);
        _targetOus = targetOus.Select(DistinguishedName.Parse).ToArray();
        if (_targetOus.Length == 0)
        {
            throw new ArgumentException("At least one target OU must be configured (Directory:TargetOus).", nameof(targetOus));
        }
    }

    /// <summary>The configured OUs.</summary>
    public IReadOnlyList<DistinguishedName> TargetOus => _targetOus;

    /// <summary>True when <paramref name="dn"/> is a configured OU or lies below one.</summary>
    public bool Contains(string dn) =>
        DistinguishedName.TryParse(dn, out var parsed, out _) && _targetOus.Any(parsed.IsWithin);

    /// <summary>True when <paramref name="dn"/> lies strictly below a configured OU (never the OU itself).</summary>
    public bool ContainsBelow(string dn) =>
        DistinguishedName.TryParse(dn, out var parsed, out _) &&
        parsed.Parent is { } parent && _targetOus.Any(parent.IsWithin);
}
