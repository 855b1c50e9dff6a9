using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Security;
using GroupWriteback.Agent.Tests.Cli;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>The writer bound as a non-admin account that got its rights from the real <c>grant</c> command.</summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class DelegatedWriterTests : IDisposable
{
    private readonly WriterScope _scope = new("deleg");
    private readonly TestUser _account;

    public DelegatedWriterTests()
    {
        _account = _scope.CreateAccount("writer");
        using var cli = new AgentCli(_scope.Options);
        foreach (var ou in new[] { _scope.Ou, _scope.OtherOu })
        {
            var (exit, output) = cli.RunAsync("grant", "--account", _account.Dn, "--ou", ou).GetAwaiter().GetResult();
            Assert.True(exit == 0, output);
        }

        _scope.BindAs(_account);
    }

    [Fact]
    public void Upsert_AsDelegatedAccount_CreatesRenamesMovesAndDeletes()
    {
        var id = Guid.NewGuid().ToString();

        var created = Assert.Single(_scope.Apply(_scope.Upsert(id, "Delegated")));
        var guid = WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"));
        var renamed = Assert.Single(_scope.Apply(_scope.Upsert(id, "Delegated renamed")));
        var moved = Assert.Single(_scope.Apply(_scope.Upsert(id, "Delegated renamed", ou: _scope.OtherOu)));
        var afterMove = WriterScope.ReadGroup(id, "objectGUID", "mailNickname", "displayName");
        var deleted = Assert.Single(_scope.Apply(WriterScope.Delete(id)));

        Assert.All(new[] { created, renamed, moved, deleted }, r => Assert.True(r.Outcome == ResultOutcome.Applied, r.Message));
        Assert.StartsWith($"CN=Delegated renamed_{id[^12..]},{_scope.OtherOu}", afterMove.DistinguishedName, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(guid, WriterScope.ObjectGuid(afterMove));
        Assert.Equal([$"g{id[..8]}"], WriterScope.Values(afterMove, "mailNickname"));
        Assert.Empty(WriterScope.FindByAnchor(id));
    }

    [Fact]
    public void Upsert_AsDelegatedAccountOutsideGrantedOus_IsRefusedByTheDirectory()
    {
        var id = Guid.NewGuid().ToString();
        _scope.BindAs(null);
        _scope.Apply(_scope.Upsert(id, "Admin made", CloudGroupKind.Security));
        WriterScope.MoveEntry(WriterScope.ReadGroup(id).DistinguishedName, _scope.OutsideOu);
        using var asAccount = WriterScope.Domain.OpenConnection(_account);
        var dn = WriterScope.ReadGroup(id).DistinguishedName;

        var error = Assert.Throws<DirectoryOperationException>(() => asAccount.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "description", "x")));

        Assert.Equal(ResultCode.InsufficientAccessRights, error.Response.ResultCode);
    }

    [Fact]
    public void Upsert_ExchangeAttributesDeniedByAcl_SkipsThemAndWritesTheRest()
    {
        DenyExchangeWrites(_scope.Ou);
        var id = Guid.NewGuid().ToString();

        var created = Assert.Single(_scope.Apply(_scope.Upsert(id, "No Exchange here")));
        var updated = Assert.Single(_scope.Apply(_scope.Upsert(id, "No Exchange here", description: "now described")));
        var again = Assert.Single(_scope.Apply(_scope.Upsert(id, "No Exchange here", description: "now described")));

        Assert.Equal(ResultOutcome.Applied, created.Outcome);
        Assert.Equal(ResultOutcome.Applied, updated.Outcome);
        Assert.Equal(ResultOutcome.NoOp, again.Outcome);
        var entry = WriterScope.ReadGroup(id, ["mail", "description", "allowedAttributesEffective", .. SchemaCapabilities.ExchangeAttributes]);
        Assert.Single(WriterScope.Values(entry, "mail"));
        Assert.Equal(["now described"], WriterScope.Values(entry, "description"));
        Assert.All(SchemaCapabilities.ExchangeAttributes, a => Assert.Empty(WriterScope.Values(entry, a)));
        var writableAsAccount = AllowedAttributesEffective(entry.DistinguishedName);
        Assert.Contains("mail", writableAsAccount, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(writableAsAccount, a => SchemaCapabilities.ExchangeAttributes.Contains(a, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Upsert_SecondGroupInAnOuWithDeniedAttributes_IsOneAddWithoutThem()
    {
        DenyExchangeWrites(_scope.Ou);
        var first = Guid.NewGuid().ToString();
        var second = Guid.NewGuid().ToString();

        var results = _scope.Apply(_scope.Upsert(first, "Probe first"), _scope.Upsert(second, "Then inline"));

        Assert.All(results, r => Assert.Equal(ResultOutcome.Applied, r.Outcome));
        foreach (var id in new[] { first, second })
        {
            var entry = WriterScope.ReadGroup(id, ["uSNCreated", "uSNChanged", WritebackAnchor.ExternalDirectoryObjectId, .. SchemaCapabilities.ExchangeAttributes]);
            Assert.Equal([$"Group_{id}"], WriterScope.Values(entry, WritebackAnchor.ExternalDirectoryObjectId));
            Assert.All(SchemaCapabilities.ExchangeAttributes, a => Assert.Empty(WriterScope.Values(entry, a)));
        }

        // One transaction: the object was never changed after the add that created it.
        var inline = WriterScope.ReadGroup(second, "uSNCreated", "uSNChanged");
        Assert.Equal(WriterScope.Values(inline, "uSNCreated"), WriterScope.Values(inline, "uSNChanged"));
    }

    public void Dispose() => _scope.Dispose();

    /// <summary>Deny ACEs (type 0x06, kept opaque by the codec) for writing each Exchange attribute on groups below the OU.</summary>
    private void DenyExchangeWrites(string ou)
    {
        var sid = Sid.Parse(_account.Sid);
        using var client = AgentDirectory.OpenClient();
        var descriptor = DirectorySecurity.ReadDacl(client, ou);
        foreach (var attribute in SchemaCapabilities.ExchangeAttributes)
        {
            var allow = new AccessAllowedObjectAce(AceFlags.ContainerInherit | AceFlags.InheritOnly, DirectoryRights.WriteProperty, sid, SchemaIdGuid(attribute), WritebackAces.GroupClass);
            var bytes = new byte[allow.BinaryLength];
            allow.WriteTo(bytes);
            bytes[0] = (byte)AceType.AccessDeniedObject;
            descriptor.Dacl!.Aces.Insert(0, new OpaqueAce(bytes));
        }

        DirectorySecurity.WriteDacl(client, ou, descriptor);
    }

    private static Guid SchemaIdGuid(string attribute)
    {
        var schema = $"CN=Schema,CN=Configuration,{WriterScope.Domain.DomainDn}";
        var entry = Assert.Single(WriterScope.Domain.Search(schema, $"(lDAPDisplayName={attribute})", SearchScope.OneLevel, "schemaIDGUID"));
        return new Guid((byte[])entry.Attributes["schemaIDGUID"].GetValues(typeof(byte[]))[0]);
    }

    private string[] AllowedAttributesEffective(string dn)
    {
        using var asAccount = WriterScope.Domain.OpenConnection(_account);
        var response = (SearchResponse)asAccount.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, SchemaCapabilities.AllowedAttributesEffective));
        return WriterScope.Values(response.Entries[0], SchemaCapabilities.AllowedAttributesEffective);
    }
}
