using System.DirectoryServices.Protocols;
using System.Text.Json.Nodes;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.GraphEmulator.Requests;
using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>
/// Emulator change → notification → webhook → delta → group orchestration → embedded queue → agent process → DC,
/// each case read back from the DC.
/// </summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class GroupLifecycleTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateSecurityGroup_WithOnPremisesMembers_WrittenWithTheirDns()
    {
        var users = fixture.OnPremises(0, 3);

        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Security", fixture.CloudIds(0, 3), None);

        var group = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 3, "written with 3 members");
        Assert.Equal(users.Select(u => u.Dn).Order(StringComparer.OrdinalIgnoreCase), group!.Members.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Bridge Security", group.DisplayName);
        Assert.EndsWith("," + fixture.GroupsOu, group.Dn, StringComparison.OrdinalIgnoreCase);
        var delta = (await fixture.Bridge.Admin.GetStatusAsync(None)).Delta;
        Assert.True(delta.HasDeltaLink && delta.Rounds >= 1, $"GET /api/status shows delta rounds {delta.Rounds}, deltaLink {delta.HasDeltaLink}");
    }

    [Fact]
    public async Task CreateMicrosoft365Group_Written_AsDistributionGroupWithMail()
    {
        var id = await fixture.Bridge.Graph.CreateMicrosoft365GroupAsync("Bridge Team", "bridge-team", fixture.CloudIds(3, 2), None);

        var group = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "written with 2 members");
        Assert.Equal("bridge-team@corp.test", group!.Mail);
    }

    [Fact]
    public async Task UpdateDescription_WrittenGroup_DescriptionReplaced()
    {
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Described", fixture.CloudIds(5, 1), None);
        await fixture.WaitForGroupAsync(id, g => g is not null, "created");

        await fixture.Bridge.Graph.UpdateGroupAsync(id, new JsonObject { ["description"] = "changed in Entra" }, None);

        var group = await fixture.WaitForGroupAsync(id, g => g?.Description == "changed in Entra", "description written");
        Assert.Single(group!.Members);
    }

    [Fact]
    public async Task Rename_DisplayNameChanged_RenamedKeepingObjectGuid()
    {
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Before", fixture.CloudIds(6, 2), None);
        var created = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "created");

        await fixture.Bridge.Graph.UpdateGroupAsync(id, new JsonObject { ["displayName"] = "Bridge After" }, None);

        var renamed = await fixture.WaitForGroupAsync(id, g => g?.DisplayName == "Bridge After", "renamed");
        Assert.StartsWith("CN=Bridge After_", renamed!.Dn, StringComparison.Ordinal);
        Assert.Equal(created!.ObjectGuid, renamed.ObjectGuid);
        Assert.Equal(2, renamed.Members.Count);
    }

    [Fact]
    public async Task Membership_OneAddedOneRemoved_ExactlyTheNewSet()
    {
        var ids = fixture.CloudIds(10, 3);
        var users = fixture.OnPremises(10, 3);
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Members", ids.Take(2), None);
        await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "created with 2 members");

        await fixture.Bridge.Graph.AddMemberAsync(id, ids[2], None);
        await fixture.Bridge.Graph.RemoveMemberAsync(id, ids[0], None);

        var expected = new[] { users[1].Dn, users[2].Dn };
        var group = await fixture.WaitForGroupAsync(id, g => g is not null && g.Members.SetEquals(expected), "members 2 and 3 only");
        Assert.DoesNotContain(users[0].Dn, group!.Members);
    }

    [Fact]
    public async Task Nested_GroupMemberOfGroup_InnerGroupDnIsMember()
    {
        var inner = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Inner", fixture.CloudIds(20, 1), None);
        var innerGroup = await fixture.WaitForGroupAsync(inner, g => g is not null, "inner created");

        var outer = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Outer", [inner, .. fixture.CloudIds(21, 1)], None);

        var outerGroup = await fixture.WaitForGroupAsync(outer, g => g?.Members.Count == 2, "outer with the inner group and one user");
        Assert.Contains(innerGroup!.Dn, outerGroup!.Members);
    }

    [Fact]
    public async Task Delete_WrittenGroup_RemovedFromAd()
    {
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Doomed", fixture.CloudIds(30, 1), None);
        await fixture.WaitForGroupAsync(id, g => g is not null, "created");

        await fixture.Bridge.Graph.DeleteGroupAsync(id, None);

        Assert.Null(await fixture.WaitForGroupAsync(id, g => g is null, "deleted"));
    }

    [Fact]
    public async Task DriftRepair_MemberAddedByHandInAd_RemovedByReconcile()
    {
        var users = fixture.OnPremises(40, 3);
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Drift", fixture.CloudIds(40, 2), None);
        var group = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "created with 2 members");
        TestDomain.Instance.Send(new ModifyRequest(group!.Dn, DirectoryAttributeOperation.Add, "member", users[2].Dn));
        Assert.Equal(3, DirectoryGroup.Find(TestDomain.Instance, fixture.ScopeOu, id)!.Members.Count);

        await fixture.Bridge.Admin.SyncGroupAsync(id, None);

        var repaired = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "the hand-added member removed");
        Assert.DoesNotContain(users[2].Dn, repaired!.Members);
    }

    [Fact]
    public async Task DeviceLeavesGroup_NoLookupNoSnapshotNoWrite_AndAUserRemovalNeedsNoSnapshot()
    {
        // Arrange: three on-premises users and two devices in one group, written back.
        var ids = fixture.CloudIds(40, 3);
        var users = fixture.OnPremises(40, 3);
        string[] devices = [await fixture.Bridge.Graph.CreateDeviceAsync("Bridge Kiosk 1", None), await fixture.Bridge.Graph.CreateDeviceAsync("Bridge Kiosk 2", None)];
        var id = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge Devices", [.. ids, .. devices], None);
        var created = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 3, "written with its 3 users");
        var first = await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetGroupAsync(id, None), r => r is { Phase: GroupPhase.Idle, LastOutcome: "succeeded" }, "first pass done");
        var usnBefore = UsnChanged(created!.Dn);
        await fixture.Bridge.Graph.ClearRequestsAsync(None);

        // Act
        await fixture.Bridge.Graph.RemoveMemberAsync(id, devices[0], None);
        var afterDevice = await fixture.WaitForAsync(
            () => fixture.Bridge.Admin.GetGroupAsync(id, None), r => r is { Phase: GroupPhase.Idle } && r.Pass > first!.Pass, "device removal handled");
        var deviceRequests = await fixture.Bridge.Graph.GetRequestsAsync(None);

        // Assert: skipped by its type, with the reason in the status; no member read, no lookup, and AD untouched.
        Assert.Equal(1, afterDevice!.MembersSkippedBy?.GetValueOrDefault(MemberSkipReasons.MemberTypeNotWrittenBack));
        Assert.DoesNotContain(deviceRequests, r => IsMemberRead(r, id) || IsLookup(r));
        Assert.Equal(usnBefore, UsnChanged(created.Dn));
        Assert.True(DirectoryGroup.Find(TestDomain.Instance, fixture.ScopeOu, id)!.Members.SetEquals(users.Select(u => u.Dn)));

        // Act: a user leaves.
        await fixture.Bridge.Graph.ClearRequestsAsync(None);
        await fixture.Bridge.Graph.RemoveMemberAsync(id, ids[0], None);
        var afterUser = await fixture.WaitForGroupAsync(id, g => g?.Members.Count == 2, "user removed");
        var userRequests = await fixture.Bridge.Graph.GetRequestsAsync(None);

        // Assert: resolved by one lookup, written without a snapshot (the membership was not read).
        Assert.True(afterUser!.Members.SetEquals(users.Skip(1).Select(u => u.Dn)));
        Assert.Single(userRequests, IsLookup);
        Assert.DoesNotContain(userRequests, r => IsMemberRead(r, id));
        Assert.True(UsnChanged(created.Dn) > usnBefore);
    }

    private static bool IsMemberRead(RecordedRequest request, string groupId) =>
        request.Method == "GET" && request.Path.Contains($"/groups/{groupId}/members", StringComparison.OrdinalIgnoreCase);

    private static bool IsLookup(RecordedRequest request) => request.Path.EndsWith("/directoryObjects/getByIds", StringComparison.OrdinalIgnoreCase);

    private static long UsnChanged(string dn) =>
        long.Parse((string)TestDomain.Instance.ReadEntry(dn, "uSNChanged")!.Attributes["uSNChanged"][0], System.Globalization.CultureInfo.InvariantCulture);
}
