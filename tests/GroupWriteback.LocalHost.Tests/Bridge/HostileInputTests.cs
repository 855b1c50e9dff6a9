using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.Cloud.Api;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.Testing;
using GroupWriteback.Testing.Hostile;
using Xunit.Abstractions;

namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>A bridge whose tenant holds every case of the generated hostile set, each a group of two members.</summary>
public sealed class HostileBridgeFixture : BridgeFixture
{
    public IReadOnlyList<(HostileCase Case, string Id)> Groups { get; } =
        [.. HostileInputs.Cases.Select((c, i) => (c, $"b0571e00-0000-4000-8000-{i + 1:D12}"))];

    protected override IReadOnlyList<GroupDraft> InitialGroups =>
    [
        .. Groups.Select((g, i) => Draft(g.Case) with { Id = g.Id, Members = CloudIds((i * 3) % (UserCount - 2), 2) }),
    ];

    private static GroupDraft Draft(HostileCase hostile)
    {
        var draft = hostile.MailEnabled
            ? GroupDraft.Microsoft365(hostile.DisplayName, hostile.MailNickname!)
            : GroupDraft.Security(hostile.DisplayName);
        return draft with { Description = hostile.Description, Mail = hostile.Mail ?? draft.Mail };
    }
}

/// <summary>
/// The generated hostile set, end to end from the emulator through the cloud half and the agent into AD: no crash,
/// nothing outside the OU, no duplicate, no dead letter; each group findable by its anchor or failed with a reason
/// that names it.
/// </summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class HostileInputTests(HostileBridgeFixture fixture, ITestOutputHelper output) : IClassFixture<HostileBridgeFixture>
{
    [Fact]
    public async Task FullSync_GeneratedHostileSet_EachGroupWrittenInsideTheOuOrFailedNamingIt()
    {
        var domain = TestDomain.Instance;
        var written = 0;
        var failed = new List<string>();

        foreach (var (hostile, id) in fixture.Groups)
        {
            var (anchored, report) = await fixture.WaitForAsync(
                async () => (Anchored(domain, domain.DomainDn, id, SearchScope.Subtree), await fixture.Bridge.Admin.GetGroupAsync(id, CancellationToken.None)),
                s => s.Item1.Count > 0 || s.Item2?.LastOutcome is "failed" or "rejected",
                $"case '{hostile}' ({id}) written or failed");

            // Searched domain-wide: at most one object carries the anchor, and it is a direct child of the groups OU.
            Assert.True(anchored.Count <= 1, $"case '{hostile}': {anchored.Count} objects carry its anchor");
            if (anchored.Count == 1)
            {
                written++;
                Assert.Single(Anchored(domain, fixture.GroupsOu, id, SearchScope.OneLevel));
                var displayName = (string)anchored[0].Attributes["displayName"][0];
                Assert.InRange(displayName.Length, 1, 256);
                Assert.DoesNotContain(displayName, char.IsControl);
                continue;
            }

            // Names and descriptions are cleaned and cut, so only mail values AD itself refuses may fail.
            Assert.True(hostile.MailEnabled, $"case '{hostile}' has no mail values and was not written: {report!.LastError}");
            Assert.Contains(id, report!.LastError, StringComparison.OrdinalIgnoreCase);
            failed.Add($"{hostile}: {report.LastError}");
        }

        var status = await fixture.Bridge.Admin.GetStatusAsync(CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fixture.Groups.Count} hostile cases: {written} written, {failed.Count} failed with a reason, {status.DeadLetters ?? 0} dead letters"));
        failed.ForEach(output.WriteLine);
        Assert.True(fixture.Groups.Count >= 200, $"{fixture.Groups.Count} cases");
        Assert.True(status.DeadLetters is null or 0, $"{status.DeadLetters} message(s) were dead-lettered");
        Assert.Equal(written, DirectoryGroup.Anchored(domain, fixture.GroupsOu).Count);
    }

    private static IReadOnlyList<SearchResultEntry> Anchored(TestDomain domain, string baseDn, string id, SearchScope scope) =>
        domain.Search(baseDn, $"(&(objectCategory=group)(adminDescription=Group_{id}))", scope, "displayName");
}
