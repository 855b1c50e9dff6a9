using System.Text.Json;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Cli;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class AgentCommandLineTests : IDisposable
{
    private readonly ScratchOu _ou = AgentDirectory.Domain.CreateScratchOu("cli");
    private readonly AgentCli _cli;

    public AgentCommandLineTests() => _cli = new AgentCli(AgentDirectory.Options([_ou.Dn]));

    [Fact]
    public async Task Check_AsAdministrator_PassesEveryItemAndLeavesNoProbe()
    {
        var (exit, output) = await _cli.RunAsync("check");

        Assert.True(exit == 0, output);
        Assert.Contains("[ OK ] bind:", output, StringComparison.Ordinal);
        Assert.Contains("[ OK ] schema: present, written: mailNickname", output, StringComparison.Ordinal);
        Assert.Contains($"[ OK ] OU {_ou.Dn}: exists", output, StringComparison.Ordinal);
        Assert.Contains($"[ OK ] create/delete in {_ou.Dn}: probe group created and deleted", output, StringComparison.Ordinal);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Fact]
    public async Task Check_AccountWithoutRights_FailsTheCreateItemAndLeavesNoProbe()
    {
        using var accounts = AgentDirectory.Domain.CreateScratchOu("cli-acct");
        var account = AgentDirectory.Domain.CreateAccount(accounts.Dn, "nobody");
        using var cli = new AgentCli(AgentDirectory.Options([_ou.Dn], account));

        var (exit, output) = await cli.RunAsync("check");

        Assert.Equal(1, exit);
        Assert.Contains("[ OK ] bind:", output, StringComparison.Ordinal);
        Assert.Contains($"[FAIL] create/delete in {_ou.Dn}: cannot create a group", output, StringComparison.Ordinal);
        Assert.Contains("InsufficientAccessRights", output, StringComparison.Ordinal);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Fact]
    public async Task Check_TargetOuMissing_FailsThatItem()
    {
        var missing = $"OU=missing,{_ou.Dn}";
        using var cli = new AgentCli(AgentDirectory.Options([missing]));

        var (exit, output) = await cli.RunAsync("check");

        Assert.Equal(1, exit);
        Assert.Contains($"[FAIL] OU {missing}: does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_Twice_AddsAcesThenReportsAlreadyGranted()
    {
        using var accounts = AgentDirectory.Domain.CreateScratchOu("cli-acct");
        var account = AgentDirectory.Domain.CreateAccount(accounts.Dn, "grantee");

        var first = await _cli.RunAsync("grant", "--account", account.Dn, "--ou", _ou.Dn);
        var second = await _cli.RunAsync("grant", "--account", account.Sid, "--ou", _ou.Dn);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{_ou.Dn}: added 2 ACEs", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"{_ou.Dn}: already granted", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--domain")]
    [InlineData(null)]
    public async Task Grant_NotExactlyOneScope_ExitsTwo(string? domain)
    {
        string[] args = domain is null ? ["grant", "--account", "S-1-5-21-1-2-3-4"] : ["grant", "--account", "S-1-5-21-1-2-3-4", "--ou", _ou.Dn, domain];

        var (exit, output) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("exactly one of --ou", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ValidFile_WritesAndPrintsResults()
    {
        var id = Guid.NewGuid().ToString();
        var file = _cli.WriteFile("commands.json", WireSerializer.SerializeCommandList([Upsert(id)]));

        var (exit, output) = await _cli.RunAsync("apply", "--file", file);

        Assert.True(exit == 0, output);
        var result = Assert.Single(JsonSerializer.Deserialize(output, WireJsonContext.Default.IReadOnlyListWritebackResult)!);
        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        var entry = Assert.Single(AgentDirectory.Domain.Search(_ou.Dn, $"(adminDescription=Group_{id})", "displayName"));
        Assert.Equal(result.DistinguishedName, entry.DistinguishedName);
    }

    [Fact]
    public async Task Plan_ValidFile_ReportsWithoutWriting()
    {
        var id = Guid.NewGuid().ToString();
        var file = _cli.WriteFile("commands.json", WireSerializer.SerializeCommandList([Upsert(id)]));

        var (exit, output) = await _cli.RunAsync("plan", "--file", file);

        Assert.True(exit == 0, output);
        Assert.Contains("would create", output, StringComparison.Ordinal);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Theory]
    [InlineData("not json at all", "not valid wire JSON")]
    [InlineData("{\"kind\":\"deleteGroup\"}", "not valid wire JSON")]
    [InlineData("[{\"kind\":\"formatDisk\",\"commandId\":\"1\",\"groupId\":\"x\"}]", "formatDisk")]
    [InlineData("[{\"commandId\":\"1\",\"groupId\":\"x\"}]", "kind")]
    [InlineData("[{\"kind\":\"deleteGroup\",\"groupId\":\"x\"}]", "commandId")]
    [InlineData("[{\"kind\":\"upsertGroup\",\"commandId\":\"1\",\"groupId\":\"x\",\"cloudKind\":\"Security\",\"groupType\":\"UniversalSecurityGroup\",\"targetOu\":\"OU=x\"}]", "attributes")]
    public async Task Apply_BadFile_ExitsTwoWithMessageAndWritesNothing(string content, string expected)
    {
        var file = _cli.WriteFile("bad.json", content);

        var (exit, output) = await _cli.RunAsync("apply", "--file", file);

        Assert.Equal(2, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Fact]
    public async Task Apply_ValidUpsertThenNullMember_ExitsTwoNamingTheEntryAndWritesNothing()
    {
        var id = Guid.NewGuid().ToString();
        var list = System.Text.Json.Nodes.JsonNode.Parse(WireSerializer.SerializeCommandList(
            [Upsert(id), new ChangeMembershipCommand { CommandId = "members-1", GroupId = id }]))!.AsArray();
        list[1]!["add"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        var file = _cli.WriteFile("null-member.json", list.ToJsonString());

        var (exit, output) = await _cli.RunAsync("apply", "--file", file);

        Assert.Equal(2, exit);
        Assert.Contains("Entry 1 of the command list", output, StringComparison.Ordinal);
        Assert.Contains(id, output, StringComparison.Ordinal);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Fact]
    public async Task Apply_MissingFile_ExitsTwoNamingIt()
    {
        var (exit, output) = await _cli.RunAsync("apply", "--file", "/nonexistent/commands.json");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/commands.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_CommandFromNewerWireVersion_ReportsUnsupportedVersionAndExitsOne()
    {
        var file = _cli.WriteFile("newer.json", WireSerializer.SerializeCommandList([Upsert(Guid.NewGuid().ToString()) with { Version = WireFormat.Version + 1 }]));

        var (exit, output) = await _cli.RunAsync("apply", "--file", file);

        Assert.Equal(1, exit);
        Assert.Equal(FailureReason.UnsupportedVersion, Assert.Single(JsonSerializer.Deserialize(output, WireJsonContext.Default.IReadOnlyListWritebackResult)!).Reason);
        Assert.Empty(AgentDirectory.Domain.Search(_ou.Dn, "(objectCategory=group)"));
    }

    [Theory]
    [InlineData("Server", "", "Directory:Server")]
    [InlineData("AuthType", "Kerberos5", "Directory:AuthType")]
    [InlineData("BindPassword", "", "Directory:BindPassword")]
    [InlineData("TargetOus", "not a dn", "Directory:TargetOus")]
    public async Task AnyCommand_InvalidSetting_ExitsTwoNamingTheSetting(string key, string value, string expected)
    {
        var directory = JsonSerializer.SerializeToNode(AgentDirectory.Options([_ou.Dn]))!.AsObject();
        directory[key] = key == "TargetOus" ? new System.Text.Json.Nodes.JsonArray(value) : value;
        _cli.WriteSettings(new { Directory = directory });

        var (exit, output) = await _cli.RunAsync("check");

        Assert.Equal(2, exit);
        Assert.Contains("Configuration is invalid", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _ou.Dispose();
    }

    private UpsertGroupCommand Upsert(string id) => new()
    {
        CommandId = Guid.NewGuid().ToString(),
        GroupId = id,
        CloudKind = CloudGroupKind.Security,
        GroupType = OnPremisesGroupType.UniversalSecurityGroup,
        TargetOu = _ou.Dn,
        Attributes = new GroupAttributes { DisplayName = "From a file" },
    };
}
