using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// A scratch OU on the test DC with the agent's writer scoped to it (plus a second OU for
/// moves), and helpers to build commands and read the directory back.
/// </summary>
internal sealed class WriterScope : IDisposable
{
    private readonly ScratchOu _ou;
    private readonly ScratchOu _otherOu;
    private readonly ScratchOu _outsideOu;

    public WriterScope(string prefix)
    {
        _ou = Domain.CreateScratchOu(prefix);
        _otherOu = Domain.CreateScratchOu(prefix + "-b");
        _outsideOu = Domain.CreateScratchOu(prefix + "-out");
        StateDirectory = System.IO.Directory.CreateTempSubdirectory("gw-agent-").FullName;
        BindAs(null);
    }

    public static TestDomain Domain => TestDomain.Instance;

    public string Ou => _ou.Dn;

    public string OtherOu => _otherOu.Dn;

    public string OutsideOu => _outsideOu.Dn;

    public DirectoryOptions Options { get; private set; } = null!;

    public DirectoryConnectionFactory Connections { get; private set; } = null!;

    public WritebackContextFactory Contexts { get; private set; } = null!;

    public CommandProcessor Processor { get; private set; } = null!;

    public string StateDirectory { get; }

    /// <summary>An enabled account with a password (no rights yet), kept in the outside OU and deleted with the scope.</summary>
    public TestUser CreateAccount(string prefix) => Domain.CreateAccount(OutsideOu, prefix);

    /// <summary>From now on the writer binds as <paramref name="account"/> (null: the administrator).</summary>
    public void BindAs(TestUser? account)
    {
        Options = AgentDirectory.Options([Ou, OtherOu], account);
        Connections = new DirectoryConnectionFactory(Microsoft.Extensions.Options.Options.Create(Options));
        Contexts = new WritebackContextFactory(Connections, Microsoft.Extensions.Options.Options.Create(Options), new ScopeGuard(Options.TargetOus));
        var granter = new PermissionGranter(Connections, NullLogger<PermissionGranter>.Instance);
        Processor = new CommandProcessor(new SnapshotStore(StateDirectory), granter, "test-agent", NullLogger<CommandProcessor>.Instance);
    }

    /// <summary>Applies commands in order on one connection and returns their results.</summary>
    public IReadOnlyList<WritebackResult> Apply(params WritebackCommand[] commands) => Apply(null, commands);

    public IReadOnlyList<WritebackResult> Apply(SchemaCapabilities? schema, params WritebackCommand[] commands)
    {
        var context = Contexts.Open(schemaOverride: schema);
        using var directory = context.Directory;
        return commands.Select(c => Processor.ApplyAsync(context, c, CancellationToken.None).GetAwaiter().GetResult()).ToList();
    }

    /// <summary>Finds groups carrying the anchor anywhere in the domain.</summary>
    public static IReadOnlyList<SearchResultEntry> FindByAnchor(string groupId, params string[] attributes) =>
        Domain.Search(Domain.DomainDn, $"(&(objectCategory=group)(adminDescription=Group_{groupId}))", attributes);

    public static SearchResultEntry ReadGroup(string groupId, params string[] attributes) =>
        Assert.Single(FindByAnchor(groupId, attributes));

    public static Guid ObjectGuid(SearchResultEntry entry) =>
        new((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0]);

    public static string[] Values(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) ? entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>().ToArray() : [];

    public UpsertGroupCommand Upsert(string groupId, string displayName, CloudGroupKind kind = CloudGroupKind.Microsoft365, OnPremisesGroupType? type = null, string? ou = null, NamingScheme naming = NamingScheme.DisplayNameAndObjectId, string? description = null) => new()
    {
        CommandId = Guid.NewGuid().ToString(),
        GroupId = groupId,
        CloudKind = kind,
        GroupType = type ?? (kind == CloudGroupKind.Microsoft365 ? OnPremisesGroupType.UniversalDistributionGroup : OnPremisesGroupType.UniversalSecurityGroup),
        Naming = naming,
        TargetOu = ou ?? Ou,
        Attributes = new GroupAttributes
        {
            DisplayName = displayName,
            Description = description,
            Mail = kind == CloudGroupKind.Microsoft365 ? $"g{groupId[..8]}@corp.test" : null,
            MailNickname = kind == CloudGroupKind.Microsoft365 ? $"g{groupId[..8]}" : null,
            ProxyAddresses = kind == CloudGroupKind.Microsoft365 ? [$"SMTP:g{groupId[..8]}@corp.test", $"smtp:g{groupId[..8]}@corp.onmicrosoft.com"] : null,
            HideFromAddressLists = kind == CloudGroupKind.Microsoft365 ? true : null,
            RequireSenderAuthentication = kind == CloudGroupKind.Microsoft365 ? true : null,
        },
    };

    public static ChangeMembershipCommand Change(string groupId, IEnumerable<MemberReference>? add = null, IEnumerable<MemberReference>? remove = null) => new()
    {
        CommandId = Guid.NewGuid().ToString(),
        GroupId = groupId,
        Add = add?.ToList() ?? [],
        Remove = remove?.ToList() ?? [],
    };

    public static IReadOnlyList<MembershipSnapshotCommand> Snapshot(string groupId, IReadOnlyList<MemberReference> members, int chunkSize = WireFormat.MaxMembersPerCommand)
    {
        var snapshotId = Guid.NewGuid().ToString("N");
        var chunks = members.Chunk(chunkSize).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add([]);
        }

        return chunks.Select((chunk, index) => new MembershipSnapshotCommand
        {
            CommandId = Guid.NewGuid().ToString(),
            GroupId = groupId,
            SnapshotId = snapshotId,
            ChunkIndex = index,
            ChunkCount = chunks.Count,
            Members = chunk,
        }).ToList();
    }

    public static DeleteGroupCommand Delete(string groupId) => new() { CommandId = Guid.NewGuid().ToString(), GroupId = groupId };

    public static MemberReference Member(TestUser user) => new() { CloudId = Guid.NewGuid().ToString(), Sid = user.Sid };

    public HashSet<string> Members(string groupId)
    {
        var context = Contexts.Open();
        using var directory = context.Directory;
        var dn = ReadGroup(groupId).DistinguishedName;
        return MembershipReader.ReadMembers(directory, dn);
    }

    /// <summary>Adds an entry as the administrator, as someone editing AD by hand would.</summary>
    public static void AddEntry(string dn, params (string Name, string[] Values)[] attributes)
    {
        using var connection = Domain.OpenAdminConnection();
        connection.SendRequest(new AddRequest(dn, attributes.Select(a => new DirectoryAttribute(a.Name, a.Values.Cast<object>().ToArray())).ToArray()));
    }

    /// <summary>Moves an entry as the administrator.</summary>
    public static void MoveEntry(string dn, string newParentDn)
    {
        using var connection = Domain.OpenAdminConnection();
        var rdn = dn[..dn.IndexOf(',', StringComparison.Ordinal)];
        connection.SendRequest(new ModifyDNRequest(dn, newParentDn, rdn) { DeleteOldRdn = true });
    }

    /// <summary>Adds a member as the administrator (drift the agent must repair).</summary>
    public static void AddMemberByHand(string groupDn, string memberDn)
    {
        using var connection = Domain.OpenAdminConnection();
        connection.SendRequest(new ModifyRequest(groupDn, DirectoryAttributeOperation.Add, "member", memberDn));
    }

    public void Dispose()
    {
        _ou.Dispose();
        _otherOu.Dispose();
        _outsideOu.Dispose();
        System.IO.Directory.Delete(StateDirectory, recursive: true);
    }
}
