using System.Net;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace GroupWriteback.GraphEmulator.Tests.Http;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task InjectedThrottle_RawRequest_Answers429WithRetryAfterAndGraphError()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        emulator.Control.InjectFault("/v1.0/groups", 429, retryAfterSeconds: 7);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{emulator.BaseUrl}/groups");
        request.Headers.Authorization = new("Bearer", "token");

        // Act
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Contains("\"code\":\"TooManyRequests\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InjectedThrottle_SdkWithoutRetries_SurfacesODataError429()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        emulator.Control.InjectFault("/v1.0/groups", 503, retryAfterSeconds: 1);
        var graph = SdkClients.For(emulator);

        // Act
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Groups.GetAsync(r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 })));

        // Assert
        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal("serviceNotAvailable", error.Error!.Code);
    }

    [Fact]
    public async Task InjectedThrottle_SdkRetryHandler_WaitsAndSucceedsOnSecondRequest()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        emulator.Tenant.CreateGroup(GroupDraft.Security("Visible"));
        emulator.Control.InjectFault("/v1.0/groups", 429, retryAfterSeconds: 1);
        var graph = SdkClients.For(emulator);

        // Act
        var groups = await graph.Groups.GetAsync();

        // Assert
        Assert.Equal("Visible", Assert.Single(groups!.Value!).DisplayName);
        Assert.Equal([429, 200], emulator.Control.Requests.Matching("/v1.0/groups").Select(r => r.StatusCode).ToArray());
    }

    [Fact]
    public async Task MissingBearer_AnyGraphPath_Answers401()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        using var http = new HttpClient();

        // Act
        using var response = await http.GetAsync(new Uri($"{emulator.BaseUrl}/groups"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, Assert.Single(emulator.Control.Requests).StatusCode);
    }
}
