using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using Xunit.Abstractions;

namespace GroupWriteback.Cloud.Tests.Workflows.Delta;

/// <summary>
/// A round whose entries carry only what changed (Graph's <c>Prefer: return=minimal</c>): a member change or a rename
/// says nothing of a group's kind, so the round must not read the missing <c>groupTypes</c>/<c>securityEnabled</c> as
/// "not a security group", count the groups as leaving scope and pause for an approval no delete needs.
/// </summary>
public sealed class DeltaPartialEntriesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Round_PartialEntriesForMoreGroupsThanTheDeleteThreshold_NoApprovalAndNothingDeleted()
    {
        // Arrange: ten written-back groups, a delete threshold of three.
        await using var host = await WorkflowHost.StartAsync(output, new Dictionary<string, string> { ["Writeback:DeleteThreshold"] = "3" });
        await host.StartDeltaAsync();
        var users = host.Tenant.AddUsers(2);
        var groups = Enumerable.Range(0, 10).Select(i => host.Tenant.CreateGroup(TestGroups.Security($"Partial {i}"), [users[0]])).ToList();
        await host.SignalDeltaAsync();
        foreach (var group in groups)
        {
            await host.WaitForGroupAsync(group, s => s is { Pass: 1, Phase: GroupPhase.Idle, WrittenBack: true }, "written back");
        }

        // Act: half gain a member, half are renamed, all reported as partial entries.
        host.Tenant.ReturnMinimalDeltaEntries();
        for (var i = 0; i < groups.Count; i++)
        {
            if (i % 2 == 0)
            {
                host.Tenant.AddMembers(groups[i], users[1]);
            }
            else
            {
                host.Tenant.UpdateGroup(groups[i], g => g with { DisplayName = g.DisplayName + " renamed" });
            }
        }

        await host.SignalDeltaAsync();
        var after = new List<GroupStatus>();
        foreach (var group in groups)
        {
            after.Add(await host.WaitForGroupAsync(group, s => s is { Pass: 2, Phase: GroupPhase.Idle }, "partial change written"));
        }

        var delta = await host.WaitForDeltaAsync(s => s.Phase == DeltaPhase.Idle && s.LastRoundGroups == groups.Count, "round of ten groups finished");

        // Assert: the round never paused, every group is still written back, and no delete was queued.
        Assert.Null(delta.LastApproval);
        Assert.All(after, s => Assert.Equal((true, "succeeded"), (s.WrittenBack, s.LastOutcome)));
        Assert.DoesNotContain(groups.SelectMany(host.Agent.KindsFor), k => k == CommandKinds.DeleteGroup);
        Assert.Equal(5, groups.Where((_, i) => i % 2 == 0).Count(g => host.Agent.KindsFor(g)[^1] == CommandKinds.ChangeMembership));
        Assert.Equal(5, groups.Where((_, i) => i % 2 == 1).Count(g => host.Agent.KindsFor(g)[^1] == CommandKinds.UpsertGroup));
    }
}
