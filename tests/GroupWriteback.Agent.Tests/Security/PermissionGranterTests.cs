using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Agent.Tests.Security;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class PermissionGranterTests : IDisposable
{
    private readonly ScratchOu _target = AgentDirectory.Domain.CreateScratchOu("grant");
    private readonly ScratchOu _accounts = AgentDirectory.Domain.CreateScratchOu("grant-acct");
    private readonly TestUser _account;

    public PermissionGranterTests() => _account = AgentDirectory.Domain.CreateAccount(_accounts.Dn, "deleg");

    private static TestDomain Domain => AgentDirectory.Domain;

    [Fact]
    public async Task GrantAsync_OnOu_DelegatedAccountCreatesAndDeletesGroups()
    {
        await Grant(_account.Dn);
        var group = $"CN=delegated,{_target.Dn}";
        using var asAccount = Domain.OpenConnection(_account);

        asAccount.SendRequest(new AddRequest(group, new DirectoryAttribute("objectClass", "group"), new DirectoryAttribute("sAMAccountName", "deleg" + Guid.NewGuid().ToString("N")[..8])));
        var created = Domain.ReadEntry(group, "objectClass");
        asAccount.SendRequest(new ModifyRequest(group, DirectoryAttributeOperation.Replace, "description", "written by the account"));
        var described = Domain.ReadEntry(group, "description");
        asAccount.SendRequest(new DeleteRequest(group));

        Assert.NotNull(created);
        Assert.Equal("written by the account", described!.Attributes["description"][0]);
        Assert.Null(Domain.ReadEntry(group));
    }

    [Theory]
    [InlineData("OU=nested", "organizationalUnit")]
    [InlineData("CN=someone", "user")]
    [InlineData("CN=box", "computer")]
    public async Task GrantAsync_OnOu_DelegatedAccountCannotCreateOtherClasses(string rdn, string objectClass)
    {
        await Grant(_account.Dn);
        var dn = $"{rdn},{_target.Dn}";
        using var asAccount = Domain.OpenConnection(_account);

        var error = Assert.Throws<DirectoryOperationException>(() => asAccount.SendRequest(new AddRequest(dn, objectClass)));

        Assert.Equal(ResultCode.InsufficientAccessRights, error.Response.ResultCode);
        Assert.Null(Domain.ReadEntry(dn));
    }

    [Fact]
    public async Task GrantAsync_OnOu_DelegatedAccountCannotWriteTheOuItself()
    {
        await Grant(_account.Dn);
        using var asAccount = Domain.OpenConnection(_account);

        var error = Assert.Throws<DirectoryOperationException>(() => asAccount.SendRequest(new ModifyRequest(_target.Dn, DirectoryAttributeOperation.Replace, "description", "hijacked")));

        Assert.Equal(ResultCode.InsufficientAccessRights, error.Response.ResultCode);
        Assert.Null(Domain.ReadEntry(_target.Dn, "description")!.Attributes["description"]);
    }

    [Fact]
    public void NoGrant_DelegatedAccount_CannotCreateGroup()
    {
        var group = $"CN=ungranted,{_target.Dn}";
        using var asAccount = Domain.OpenConnection(_account);

        var error = Assert.Throws<DirectoryOperationException>(() => asAccount.SendRequest(new AddRequest(group, "group")));

        Assert.Equal(ResultCode.InsufficientAccessRights, error.Response.ResultCode);
    }

    [Fact]
    public async Task GrantAsync_OnOu_WritesExactlyTheDocumentedAces()
    {
        await Grant(_account.Dn);

        var sid = Sid.Parse(_account.Sid);
        var explicitForAccount = ReadDacl().Aces.Where(a => !a.IsInherited && a is AccessAllowedObjectAce o && o.Sid.Equals(sid)).ToList();
        Assert.Equal(WritebackAces.ForOrganizationalUnit(sid), explicitForAccount);
    }

    [Fact]
    public async Task GrantAsync_Twice_AddsNoAceAndLeavesDaclIdentical()
    {
        var first = await Grant(_account.Dn);
        var afterFirst = ReadDacl();

        var second = await Grant(_account.Dn);
        var bySid = await Grant(_account.Sid);

        Assert.Equal(2, first.Added);
        Assert.Equal(0, second.Added);
        Assert.Equal(0, bySid.Added);
        Assert.Equal(0, second.AcesAddedByDn[_target.Dn]);
        Assert.Equal(Convert.ToHexString(Encode(afterFirst)), Convert.ToHexString(Encode(ReadDacl())));
    }

    [Fact]
    public async Task GrantAsync_AccountDoesNotExist_FailsNamingIt()
    {
        var missing = $"CN=nobody,{_accounts.Dn}";

        var error = await Assert.ThrowsAsync<DirectoryWriteException>(() => Grant(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal(FailureReason.InvalidCommand, error.Reason);
    }

    [Fact]
    public async Task GrantAsync_OuDoesNotExist_FailsWithTargetOuMissing()
    {
        var missing = $"OU=absent,{_target.Dn}";

        var error = await Assert.ThrowsAsync<DirectoryWriteException>(() => Granter().GrantAsync(_account.Dn, GrantScope.OrganizationalUnit, missing, false, CancellationToken.None));

        Assert.Equal(FailureReason.TargetOuMissing, error.Reason);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainRoots_TestForest_IsTheOneDomain()
    {
        using var client = AgentDirectory.OpenClient();

        var roots = PermissionGranter.DomainRoots(client);

        Assert.Equal([Domain.DomainDn], roots, StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _target.Dispose();
        _accounts.Dispose();
    }

    private static PermissionGranter Granter() =>
        new(AgentDirectory.Connections([Domain.DomainDn]), NullLogger<PermissionGranter>.Instance);

    private static byte[] Encode(AccessControlList dacl) =>
        new SecurityDescriptor { Control = SecurityDescriptorControl.DaclPresent, Dacl = dacl }.Encode();

    private Task<PermissionGrantSummary> Grant(string account) =>
        Granter().GrantAsync(account, GrantScope.OrganizationalUnit, _target.Dn, false, CancellationToken.None);

    private AccessControlList ReadDacl()
    {
        using var client = AgentDirectory.OpenClient();
        return DirectorySecurity.ReadDacl(client, _target.Dn).Dacl!;
    }
}
