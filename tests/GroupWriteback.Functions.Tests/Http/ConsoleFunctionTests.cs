namespace GroupWriteback.Functions.Tests.Http;

/// <summary>The Functions app serves the console's embedded files at <c>/api/console/</c>, with their content types.</summary>
public sealed class ConsoleFunctionTests
{
    private readonly FunctionsFixture _app = new();

    [Fact]
    public async Task AdminConsole_Root_WritesTheIndexPage()
    {
        var (response, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.AdminConsole(FunctionsFixture.Request(), path: string.Empty));

        Assert.Equal((200, "text/html; charset=utf-8"), (status, response.ContentType));
        Assert.Contains("/api/console/js/app.js", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminConsole_Module_JavaScriptType()
    {
        var (response, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.AdminConsole(FunctionsFixture.Request(), path: "js/api.js"));

        Assert.Equal((200, "text/javascript; charset=utf-8"), (status, response.ContentType));
        Assert.Contains("x-functions-key", body, StringComparison.Ordinal);
    }
}
