using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Telemetry;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// Grants the writeback account its rights (see <see cref="WritebackAces"/> for the layout):
/// a read-modify-write of each target's DACL that adds only the ACEs not already there, so
/// granting twice changes nothing. Runs with the bind of the agent's configuration, which must
/// hold WRITE_DAC on the targets (an administrator runs <c>grant</c>).
/// </summary>
internal sealed class PermissionGranter : IPermissionGranter
{
    private readonly IDirectoryConnectionFactory _connections;
    private readonly ILogger<PermissionGranter> _logger;
    private readonly AgentTelemetry? _telemetry;

    /// <summary>Creates the granter.</summary>
    public PermissionGranter(IDirectoryConnectionFactory connections, ILogger<PermissionGranter> logger, AgentTelemetry? telemetry = null)
    {
        _connections = connections;
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<PermissionGrantSummary> GrantAsync(string account, GrantScope scope, string? targetOu, bool skipAdminSdHolder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        using var client = new DirectoryClient(_connections.Open(), _connections.DomainDn) { Telemetry = _telemetry };
        var sid = ResolveAccount(client, account);
        var accountText = sid.ToString();
        var added = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dn, aces) in Targets(client, sid, scope, targetOu, skipAdminSdHolder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            added[dn] = Grant(client, dn, aces);
            Log.Granted(_logger, accountText, dn, added[dn]);
        }

        return Task.FromResult(new PermissionGrantSummary(added));
    }

    /// <summary>A SID as given, or the objectSid of the account a DN names.</summary>
    public static Sid ResolveAccount(DirectoryClient client, string account)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        if (account.StartsWith("S-", StringComparison.OrdinalIgnoreCase))
        {
            return Sid.TryParse(account, out var parsed)
                ? parsed!
                : throw new DirectoryWriteException(FailureReason.InvalidCommand, $"Account '{account}' is not a valid SID.");
        }

        if (!DistinguishedName.TryParse(account, out _, out var error))
        {
            throw new DirectoryWriteException(FailureReason.InvalidCommand, $"Account '{account}' is neither a SID nor a DN: {error}.");
        }

        var entry = client.Read(account, "objectSid");
        if (entry is null || !entry.Attributes.Contains("objectSid"))
        {
            throw new DirectoryWriteException(FailureReason.InvalidCommand, $"Account '{account}' does not exist or has no objectSid.", account, ResultCode.NoSuchObject);
        }

        return Sid.FromBinary((byte[])entry.Attributes["objectSid"].GetValues(typeof(byte[]))[0]);
    }

    private static IEnumerable<(string Dn, IReadOnlyList<AccessAllowedObjectAce> Aces)> Targets(DirectoryClient client, Sid sid, GrantScope scope, string? targetOu, bool skipAdminSdHolder)
    {
        if (scope == GrantScope.OrganizationalUnit)
        {
            if (string.IsNullOrWhiteSpace(targetOu) || !DistinguishedName.TryParse(targetOu, out _, out _))
            {
                throw new DirectoryWriteException(FailureReason.InvalidCommand, $"An OU grant needs the OU's DN; got '{targetOu}'.", targetOu);
            }

            if (client.Read(targetOu, "objectClass") is null)
            {
                throw new DirectoryWriteException(FailureReason.TargetOuMissing, $"OU '{targetOu}' does not exist; nothing granted.", targetOu, ResultCode.NoSuchObject);
            }

            yield return (targetOu, WritebackAces.ForOrganizationalUnit(sid));
            yield break;
        }

        foreach (var root in DomainRoots(client))
        {
            yield return (root, WritebackAces.ForDomainRoot(sid));
            if (!skipAdminSdHolder)
            {
                yield return ($"CN=AdminSDHolder,CN=System,{root}", WritebackAces.ForAdminSdHolder(sid));
            }
        }
    }

    /// <summary>Every domain naming context of the forest (crossRefs flagged as NTDS domains).</summary>
    public static IReadOnlyList<string> DomainRoots(DirectoryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        const string NtdsDomain = "(&(objectClass=crossRef)(systemFlags:1.2.840.113556.1.4.803:=2))";
        var configuration = client.Read(string.Empty, "configurationNamingContext")?.Attributes["configurationNamingContext"]?[0] as string;
        var roots = configuration is null
            ? []
            : client.Search($"CN=Partitions,{configuration}", NtdsDomain, SearchScope.OneLevel, "nCName")
                .Where(e => e.Attributes.Contains("nCName"))
                .Select(e => (string)e.Attributes["nCName"][0])
                .ToList();
        return roots.Count > 0 ? roots : [client.DomainDn];
    }

    private static int Grant(DirectoryClient client, string dn, IReadOnlyList<AccessAllowedObjectAce> aces)
    {
        var descriptor = DirectorySecurity.ReadDacl(client, dn);
        var dacl = descriptor.Dacl ??= new AccessControlList();
        var missing = aces.Where(wanted => !dacl.Aces.Any(existing => WritebackAces.Covers(existing, wanted))).ToList();
        foreach (var ace in missing)
        {
            dacl.AddExplicit(ace);
        }

        if (missing.Count > 0)
        {
            descriptor.Control |= SecurityDescriptorControl.DaclPresent;
            DirectorySecurity.WriteDacl(client, dn, descriptor);
        }

        return missing.Count;
    }
}
