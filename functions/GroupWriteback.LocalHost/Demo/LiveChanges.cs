using System.Diagnostics;
using System.Text.Json.Nodes;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>
/// Changes made in the emulated Entra ID while everything runs, each timed from the Graph call until AD shows it:
/// Graph notification → webhook → delta → group orchestration → queue → agent → DC.
/// </summary>
internal sealed class LiveChanges(LocalBridge bridge, TestDomain domain, DemoDirectory directory, DemoConsole console)
{
    private const string Name = "Live Demo";
    private const string NewName = "Live Demo (renamed)";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>True when every change arrived in AD within the limit.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var users = directory.Users.Skip(4000).Take(4).Select(DemoTenant.UserId).ToList();
        var graph = bridge.Graph;
        var id = string.Empty;
        var results = new List<bool>
        {
            await ObserveAsync(
                $"create security group '{Name}' with 3 members",
                async () => id = await graph.CreateSecurityGroupAsync(Name, users.Take(3), cancellationToken),
                () => Group(id) is { Members.Count: 3 }),
            await ObserveAsync(
                $"rename it to '{NewName}'",
                () => graph.UpdateGroupAsync(id, new JsonObject { ["displayName"] = NewName }, cancellationToken),
                () => Group(id)?.Name == NewName),
            await ObserveAsync("add a fourth member", () => graph.AddMemberAsync(id, users[3], cancellationToken), () => Group(id) is { Members.Count: 4 }),
            await ObserveAsync("remove the first member", () => graph.RemoveMemberAsync(id, users[0], cancellationToken), () => Group(id) is { Members.Count: 3 }),
            await ObserveAsync("delete the group", () => graph.DeleteGroupAsync(id, cancellationToken), () => Group(id) is null),
        };
        return results.TrueForAll(ok => ok);
    }

    private DirectoryGroup? Group(string id) => id.Length == 0 ? null : DirectoryGroup.Find(domain, directory.GroupsOu, id);

    private async Task<bool> ObserveAsync(string change, Func<Task> act, Func<bool> arrived)
    {
        var watch = Stopwatch.StartNew();
        await act();
        while (watch.Elapsed < Limit)
        {
            if (arrived())
            {
                console.Detail($"{change,-45} in AD after {watch.Elapsed.TotalSeconds,5:F1} s");
                return true;
            }

            await Task.Delay(100);
        }

        console.Detail($"{change,-45} NOT in AD after {Limit.TotalSeconds:F0} s (see .state/demo/logs)");
        return false;
    }
}
