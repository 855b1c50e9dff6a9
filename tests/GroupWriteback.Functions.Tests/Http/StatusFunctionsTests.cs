using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Api;
using Moq;

namespace GroupWriteback.Functions.Tests.Http;

public sealed class StatusFunctionsTests
{
    private readonly FunctionsFixture _app = new();

    [Fact]
    public async Task GetStatus_Fresh_Writes200WithQueues()
    {
        var (response, _, _) = await FunctionsFixture.WriteAsync(await _app.Api.GetStatus(FunctionsFixture.Request(), _app.Durable.Client.Object));

        var status = ApiAssert.Body(response, 200, ApiJsonContext.Default.StatusReport);
        Assert.Equal(2, status.Queues.Count);
        Assert.Equal("notStarted", status.Delta.RuntimeStatus);
    }

    [Fact]
    public async Task GetGroup_Unknown_Writes404()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.GetGroup(FunctionsFixture.Request(), FunctionsFixture.GroupId, _app.Durable.Client.Object));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PlanGroup_BadId_Writes400WithoutCallingGraph()
    {
        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.PlanGroup(FunctionsFixture.Request(), "x", _app.Durable.Client.Object));

        Assert.Equal(400, status);
        _app.Graph.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task PlanTenant_OneNewGroup_WritesCreate()
    {
        _app.Graph.Setup(g => g.ListGroupsPageAsync(It.IsAny<GroupQuery>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GroupPage { Groups = [new CloudGroup { Id = FunctionsFixture.GroupId, DisplayName = "Sales", SecurityEnabled = true }] });

        var (response, _, _) = await FunctionsFixture.WriteAsync(await _app.Api.PlanTenant(FunctionsFixture.Request(), _app.Durable.Client.Object));

        Assert.Equal(1, ApiAssert.Body(response, 200, ApiJsonContext.Default.TenantPlanReport).Create);
        Assert.Empty(_app.Durable.Scheduled);
    }

    [Fact]
    public async Task Health_Always_Writes200()
    {
        var (response, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.Health(FunctionsFixture.Request()));

        Assert.Equal(200, status);
        Assert.Equal("healthy", ApiAssert.Body(response, 200, ApiJsonContext.Default.HealthReport).Status);
    }
}
