using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class GrantPermissionsHandlerTests : IDisposable
{
    private readonly WriterScope _scope = new("granth");
    private readonly TestUser _account;

    public GrantPermissionsHandlerTests() => _account = _scope.CreateAccount("grantee");

    [Fact]
    public void Grant_OuInsideScope_AppliesThenIsNoOp()
    {
        var command = Grant(_scope.Ou);

        var results = _scope.Apply(command, command);

        Assert.Equal(ResultOutcome.Applied, results[0].Outcome);
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        Assert.Equal(2, ExplicitAcesFor(_scope.Ou));
    }

    [Fact]
    public void Grant_OuOutsideScope_FailsWithoutChangingItsAcl()
    {
        var before = Convert.ToHexString(ReadDacl(_scope.OutsideOu));

        var result = Assert.Single(_scope.Apply(Grant(_scope.OutsideOu)));

        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.Equal(before, Convert.ToHexString(ReadDacl(_scope.OutsideOu)));
        Assert.Equal(0, ExplicitAcesFor(_scope.OutsideOu));
    }

    [Theory]
    [InlineData("")]
    [InlineData("S-1-bogus")]
    [InlineData("not a dn")]
    public void Grant_BadAccount_FailsAsInvalidCommand(string account)
    {
        var result = Assert.Single(_scope.Apply(Grant(_scope.Ou) with { Account = account }));

        Assert.Equal(FailureReason.InvalidCommand, result.Reason);
        Assert.Equal(0, ExplicitAcesFor(_scope.Ou));
    }

    [Fact]
    public void Grant_DomainRootsFromTheQueue_RefusedByDefaultLeavingTheRootAcl()
    {
        var root = WriterScope.Domain.DomainDn;
        var before = Convert.ToHexString(ReadDacl(root));

        var result = Assert.Single(_scope.Apply(Grant(_scope.Ou) with { Scope = GrantScope.DomainRoots, TargetOu = null }));

        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.Contains("Directory:AllowDomainRootGrants", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Convert.ToHexString(ReadDacl(root)));
        Assert.Equal(0, ExplicitAcesFor(root));
    }

    public void Dispose() => _scope.Dispose();

    private GrantPermissionsCommand Grant(string ou) => new()
    {
        CommandId = Guid.NewGuid().ToString(),
        GroupId = CommandKinds.GrantSessionId,
        Account = _account.Dn,
        Scope = GrantScope.OrganizationalUnit,
        TargetOu = ou,
    };

    private static byte[] ReadDacl(string dn)
    {
        using var client = AgentDirectory.OpenClient();
        return DirectorySecurity.ReadDacl(client, dn).Encode();
    }

    private int ExplicitAcesFor(string dn)
    {
        var sid = Sid.Parse(_account.Sid);
        using var client = AgentDirectory.OpenClient();
        return DirectorySecurity.ReadDacl(client, dn).Dacl!.Aces.Count(a => !a.IsInherited && a is AccessAllowedObjectAce o && o.Sid.Equals(sid));
    }
}
