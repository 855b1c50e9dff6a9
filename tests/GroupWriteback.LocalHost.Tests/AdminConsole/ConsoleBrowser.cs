using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GroupWriteback.LocalHost.Tests.AdminConsole;

/// <summary>
/// Debian's Chromium (<see cref="ExecutablePath"/>, headless) driven by Playwright; Playwright's own browser download is
/// never used. Screenshots go to <see cref="ScreenshotDirectory"/> in the test output.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    /// <summary>Where the system's Chromium is (the <c>chromium</c> package).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>The one tab.</summary>
    public IPage Page { get; }

    /// <summary>The test output's screenshot folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Starts Chromium with a 1400×1000 window.</summary>
    public static async Task<ConsoleBrowser> StartAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        // The tests run as root, where Chromium's sandbox cannot start.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        return new ConsoleBrowser(playwright, browser, page);
    }

    /// <summary>
    /// Starts Chromium and runs <paramref name="run"/> on its tab, with the page's errors and console messages written to
    /// <paramref name="output"/>; when the run fails, the page as it was is saved as <paramref name="failureShot"/> first.
    /// </summary>
    public static async Task RunAsync(ITestOutputHelper output, string failureShot, Func<ConsoleBrowser, IPage, Task> run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        await using var browser = await StartAsync();
        var page = browser.Page;
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        try
        {
            await run(browser, page);
        }
        catch
        {
            output.WriteLine($"screenshot: {await browser.ScreenshotAsync(failureShot)}");
            throw;
        }
    }

    /// <summary>Writes a full-page screenshot named <paramref name="name"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"console-{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
