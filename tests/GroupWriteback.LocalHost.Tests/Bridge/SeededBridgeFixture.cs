using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>A bridge whose tenant already holds <see cref="GroupCount"/> security groups of <see cref="MembersPerGroup"/> members each.</summary>
public abstract class SeededBridgeFixture : BridgeFixture
{
    protected abstract int GroupCount { get; }

    protected abstract int MembersPerGroup { get; }

    /// <summary>The seeded groups' ids.</summary>
    public IReadOnlyList<string> GroupIds => [.. InitialGroups.Select(g => g.Id!)];

    protected override IReadOnlyList<GroupDraft> InitialGroups =>
    [
        .. Enumerable.Range(0, GroupCount).Select(i => GroupDraft.Security($"Seeded {i:D2}") with
        {
            Id = $"5eed0000-0000-4000-8000-{i:D12}",
            Members = CloudIds((i * 7) % (UserCount - MembersPerGroup), MembersPerGroup),
        }),
    ];

    /// <summary>Waits until every seeded group is in AD with all its members.</summary>
    public async Task WaitForSeededGroupsAsync()
    {
        foreach (var id in GroupIds)
        {
            await WaitForGroupAsync(id, g => g?.Members.Count == MembersPerGroup, $"seeded group written with {MembersPerGroup} members");
        }
    }
}
