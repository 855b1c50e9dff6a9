using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary><c>GET /api/audit</c> through the route table, over a real SQLite store.</summary>
public sealed class AuditHandlerTests : IDisposable
{
    private const string GroupA = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string GroupB = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
    private readonly TemporaryAuditStore _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task ListAudit_GroupOutcomeSince_Filters()
    {
        await SeedAsync();

        var list = await ListAsync("?group=0F8FAD5B-D9CB-469F-A165-70867728950E&outcome=failed&since=2026-12-03T13:15:00Z");

        Assert.Equal(["a2"], list.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAudit_NoFilter_NewestFirst()
    {
        await SeedAsync();

        var list = await ListAsync(null);

        Assert.Equal(["b1", "a2", "a1"], list.Entries.Select(e => e.Id));
        Assert.Equal(AuditQuery.DefaultLimit, list.Limit);
    }

    [Fact]
    public async Task ListAudit_LimitAboveMax_Capped()
    {
        await SeedAsync();

        var list = await ListAsync("?limit=100000");

        Assert.Equal(AuditQuery.MaxLimit, list.Limit);
        Assert.Equal(3, list.Entries.Count);
    }

    [Theory]
    [InlineData("?group=not-a-guid", "group")]
    [InlineData("?since=yesterday", "since")]
    [InlineData("?limit=0", "limit")]
    public async Task ListAudit_BadValue_400NamingIt(string query, string target)
    {
        var response = await new AuditHandler(_audit.Store).ListAsync(query, CancellationToken.None);

        Assert.Equal(target, ApiAssert.Body(response, 400, ApiJsonContext.Default.ErrorBody).Error.Target);
    }

    private async Task<AuditList> ListAsync(string? query)
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<IAuditStore>(_audit.Store)
            .AddSingleton<AuditHandler>()
            .BuildServiceProvider();
        var route = AdminRoutes.Named("ListAudit");
        var response = await route.Endpoint(provider, new ApiRequest(route.RouteValues(), query, Stream.Null, CancellationToken.None));
        return ApiAssert.Body(response, 200, ApiJsonContext.Default.AuditList);
    }

    private Task SeedAsync() => _audit.Store.AppendAsync(
        [
            SqliteAuditStoreTests.Entry("a1", Now.AddHours(-1), GroupA, "failed"),
            SqliteAuditStoreTests.Entry("a2", Now.AddMinutes(-30), GroupA, "failed"),
            SqliteAuditStoreTests.Entry("b1", Now.AddMinutes(-10), GroupB, "failed"),
        ],
        CancellationToken.None);
}
