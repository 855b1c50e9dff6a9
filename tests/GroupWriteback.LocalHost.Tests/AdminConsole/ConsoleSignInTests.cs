using System.Text.RegularExpressions;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.LocalHost.Tests.SignIn;
using GroupWriteback.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit.Abstractions;

namespace GroupWriteback.LocalHost.Tests.AdminConsole;

/// <summary>
/// The console in a real browser signing in with the authorization code flow and PKCE against the local OpenID
/// provider: no key is typed, the page names the signed-in operator and its roles, its calls carry the token (the
/// overview reads status), an approval is refused with the API's 403 because the token lacks Writeback.Approve,
/// signing out forgets the token, and a token the API refuses is forgotten too. Screenshots: <c>console-signin-*.png</c>.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class ConsoleSignInTests(SignInHostFixture host, ITestOutputHelper output) : IClassFixture<SignInHostFixture>
{
    private const string TokenKey = "groupwriteback.accessToken";

    [Fact]
    public Task Console_SignsInWithPkce_NamesTheUserAndItsRoles_AndAnApprovalIs403() =>
        ConsoleBrowser.RunAsync(output, "signin-failure", RunAsync);

    private async Task RunAsync(ConsoleBrowser browser, IPage page)
    {
        // Without a token the page offers to sign in, and asks for no key.
        await page.GotoAsync(host.ConsoleUrl);
        var main = page.Locator("#main");
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator("#key-dialog")).Not.ToBeVisibleAsync();
        Shot(await browser.ScreenshotAsync("signin-start"));

        // Sign in: to the provider's /authorize and back with a code, redeemed with the PKCE verifier.
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("operator@corp.test");
        await Expect(page.Locator("#who-roles")).ToHaveTextAsync($"{AdminRoles.Read}, {AdminRoles.Operate}");
        await Expect(page.Locator("#who")).ToContainTextAsync("signed in");
        Assert.Equal(1, host.Provider.Redeemed);
        Assert.Empty(host.Provider.Refusals);
        // The code and state left the address bar; the token is in this tab's sessionStorage.
        Assert.Equal(host.ConsoleUrl, page.Url.Split('#')[0]);
        Assert.False(string.IsNullOrEmpty(await page.EvaluateAsync<string?>($"sessionStorage.getItem('{TokenKey}')")));

        // The page's calls carry the token: the overview reads the status.
        await Expect(page.Locator("#writeback-state")).ToHaveTextAsync("On");
        Shot(await browser.ScreenshotAsync("signin-signed-in"));

        // Approvals: the page says the operator may look but not decide; the API refuses the decision itself with 403,
        // sent as the console sends it (its api module, with the signed-in token), and the page shows the refusal.
        await page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        await Expect(main).ToContainTextAsync("Nothing waits for an approval");
        var refusal = await page.EvaluateAsync<string>(
            """
            async () => {
              const { api } = await import('/api/console/js/api.js');
              const { notice } = await import('/api/console/js/dom.js');
              try {
                await api('approvals/disable-writeback', { method: 'POST', body: { decision: 'approve', comment: 'from the sign-in test' } });
                return 'accepted';
              } catch (error) {
                notice(`${error.status}: ${error.message}`, true);
                return `${error.status} ${error.target}`;
              }
            }
            """);
        Assert.Equal($"403 {AdminRoles.Approve}", refusal);
        await Expect(page.Locator("#notice")).ToContainTextAsync(new Regex("^403: POST /api/approvals/\\{instanceId\\} needs the app role Writeback.Approve; operator@corp.test"));
        Shot(await browser.ScreenshotAsync("signin-refused"));

        // Signing out forgets the token; the page offers to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"sessionStorage.getItem('{TokenKey}')"));
        Shot(await browser.ScreenshotAsync("signin-signed-out"));

        // A token the API refuses (signed by a key the tenant never published) is forgotten, and sign-in offered again.
        var forged = host.Tenant.Token(d => d.SigningCredentials = host.Tenant.Forged(), AdminRoles.Approve);
        await page.EvaluateAsync("([key, token]) => { sessionStorage.setItem(key, token); sessionStorage.setItem(key + 'Expires', String(Date.now() + 3600000)); }", new[] { TokenKey, forged });
        await page.ReloadAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("bearer token was refused");
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"sessionStorage.getItem('{TokenKey}')"));
    }

    private void Shot(string path) => output.WriteLine($"screenshot: {path}");
}
