using System.Text;
using System.Text.RegularExpressions;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Tests.Bridge;
using GroupWriteback.Testing;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit.Abstractions;

namespace GroupWriteback.LocalHost.Tests.AdminConsole;

public sealed class ConsoleFixture : SeededBridgeFixture
{
    protected override int GroupCount => 4;

    protected override int MembersPerGroup => 3;
}

/// <summary>
/// The admin console in a real browser against the whole bridge (local host, agent, DC): a full sync watched to 100 %,
/// a group's plan, a dead letter discarded, a disable approved in the page and the groups read back gone from AD,
/// the writes found in the audit view. Every page is screenshotted into the test output.
/// </summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class ConsoleTests(ConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<ConsoleFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 90_000 };
    private static readonly LocatorAssertionsToContainTextOptions LongContains = new() { Timeout = 60_000 };

    [Fact]
    public async Task Console_FullSyncPlanDeadLetterDisableAndAudit_ShowRealState()
    {
        await fixture.WaitForSeededGroupsAsync();
        await ConsoleBrowser.RunAsync(output, "failure", RunAsync);
    }

    private async Task RunAsync(ConsoleBrowser browser, IPage page)
    {

        // The key is asked once, then kept for the tab.
        await page.GotoAsync(new Uri(fixture.Bridge.Settings.BaseUrl, "console/").ToString());
        await page.GetByLabel("Key", new() { Exact = true }).FillAsync(fixture.Bridge.Settings.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();

        // Overview: a full sync started from the page reaches 100 %.
        await Expect(page.Locator("#writeback-state")).ToHaveTextAsync("On");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a full sync" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync(new Regex("Full sync started|already"));
        var run = (await fixture.Bridge.Admin.GetStatusAsync(CancellationToken.None)).FullSync!;
        await Expect(page.Locator("#full-sync-rate")).ToContainTextAsync($"started {run.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", LongContains);
        await Expect(page.Locator("#full-sync-progress")).ToHaveTextAsync("100 %", Long);
        await Expect(page.Locator("#full-sync-bar")).ToHaveAttributeAsync("value", fixture.GroupIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Agents" })).ToContainTextAsync("local-agent", LongContains);
        Shot(await browser.ScreenshotAsync("overview"));

        // Groups: search, then one group's dry-run plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "Groups", Exact = true }).ClickAsync();
        await page.GetByLabel("Name, id or DN contains").FillAsync("Seeded 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var groups = page.GetByRole(AriaRole.Table, new() { Name = "Groups with writeback state" });
        await Expect(groups.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        Shot(await browser.ScreenshotAsync("groups"));
        await groups.GetByRole(AriaRole.Link, new() { Name = "Seeded 01" }).ClickAsync();
        var plan = page.Locator("#plan");
        await Expect(plan).ToContainTextAsync("Nothing would change");
        await Expect(plan.GetByRole(AriaRole.Row, new() { Name = "Members with an on-premises identity" })).ToContainTextAsync("3");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Recent results of this group" })).ToContainTextAsync("created");
        Shot(await browser.ScreenshotAsync("group-plan"));

        // Dead letters: a malformed command the agent refused, discarded from the page and gone from the queue file.
        await PoisonAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dead letters" }).ClickAsync();
        var deadLetters = page.GetByRole(AriaRole.Table, new() { Name = "Dead-lettered messages" });
        await RetryUntilAsync(page, () => deadLetters.GetByText("console-poison").CountAsync());
        Shot(await browser.ScreenshotAsync("dead-letters"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard console-poison from writeback-commands" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("discarded");
        Assert.DoesNotContain((await DeadLettersAsync()), m => m.MessageId == "console-poison");

        // Approvals: disable writeback waits for an approval; approving it in the page deletes every group from AD.
        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetGroupAsync(id, CancellationToken.None), g => g?.WrittenBack == true, $"group {id} written back");
        }

        await fixture.Bridge.Admin.DisableWritebackAsync(CancellationToken.None);
        await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetApprovalsAsync(CancellationToken.None), l => l.Pending.Any(p => p.InstanceId == InstanceIds.DisableWriteback), "the disable run to wait for an approval");
        await page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var approval = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("Disable writeback") });
        await Expect(approval).ToContainTextAsync("Seeded 00");
        // The page names the signed-in caller (the local key's principal) as the one who decides; nobody types a name.
        await Expect(approval).ToContainTextAsync("Decided as local administrator (key)");
        await approval.GetByLabel("Comment").FillAsync("approved in the console test");
        Shot(await browser.ScreenshotAsync("approvals"));
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve the deletes" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("approved");
        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForGroupAsync(id, g => g is null, "deleted after the approval in the console");
        }

        Assert.Empty(DirectoryGroup.Anchored(TestDomain.Instance, fixture.ScopeOu));

        // Audit: the creates, the deletes and the approval with its approver.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        var audit = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Audit entries") });
        await RetryUntilAsync(page, () => audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "deleted" }).CountAsync(), fixture.GroupIds.Count);
        await Expect(audit).ToContainTextAsync("created");
        await Expect(audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "local administrator (key)" }).Filter(new() { HasText = "approval" })).ToContainTextAsync("approved");
        Shot(await browser.ScreenshotAsync("audit"));
        await page.GetByLabel("Outcome").SelectOptionAsync("approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(audit.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        await fixture.Bridge.Admin.EnableWritebackAsync(CancellationToken.None);
    }

    private void Shot(string path) => output.WriteLine($"screenshot: {path}");

    /// <summary>Presses the page's Refresh button until <paramref name="count"/> reaches <paramref name="atLeast"/> (pages without a refresh loop).</summary>
    private static async Task RetryUntilAsync(IPage page, Func<Task<int>> count, int atLeast = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await count() < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{page.Url} did not show the expected rows within 60 s");
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        }
    }

    private async Task PoisonAsync()
    {
        using var store = Store();
        await store.SendRawAsync(QueueNames.Commands, "console-poison", fixture.GroupIds[0], "upsertGroup", Encoding.UTF8.GetBytes("{\"kind\":\"noSuchCommand\"}"), CancellationToken.None);
    }

    private async Task<IReadOnlyList<DeadLetteredMessage>> DeadLettersAsync()
    {
        using var store = Store();
        return await store.ReadDeadLettersAsync(QueueNames.Commands, 100, CancellationToken.None);
    }

    private EmbeddedQueueStore Store() =>
        new(Options.Create(new EmbeddedQueueOptions { Path = fixture.Bridge.Settings.QueuePath }), TimeProvider.System);
}
