using GroupWriteback.Cloud.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Cloud.Tests.Audit;

public sealed class SqliteAuditStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
    private readonly TemporaryAuditStore _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task AppendAsync_ThenQuery_ReadsBackEveryFieldFromTheFile()
    {
        var entry = Entry("c1", Now, "g1", "applied") with { FailureReason = "none", Message = "created 'CN=a'", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", Actor = "agent-1" };

        await _audit.Store.AppendAsync([entry], CancellationToken.None);
        var read = await _audit.Open().QueryAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal(entry, Assert.Single(read));
    }

    [Fact]
    public async Task AppendAsync_SameIdTwice_KeepsOneEntry()
    {
        await _audit.Store.AppendAsync([Entry("c1", Now, "g1", "failed")], CancellationToken.None);
        await _audit.Store.AppendAsync([Entry("c1", Now, "g1", "applied")], CancellationToken.None);

        var read = await _audit.Store.QueryAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal("applied", Assert.Single(read).Outcome);
    }

    [Fact]
    public async Task QueryAsync_Filters_NewestFirstWithinLimit()
    {
        await _audit.Store.AppendAsync(
            [
                Entry("a", Now.AddMinutes(-30), "g1", "applied"),
                Entry("b", Now.AddMinutes(-20), "g2", "failed"),
                Entry("c", Now.AddMinutes(-10), "g1", "failed"),
                Entry("d", Now, "g1", "noOp"),
            ],
            CancellationToken.None);

        var byGroup = await _audit.Store.QueryAsync(new AuditQuery(GroupId: "g1"), CancellationToken.None);
        var failed = await _audit.Store.QueryAsync(new AuditQuery(Outcome: "FAILED"), CancellationToken.None);
        var recent = await _audit.Store.QueryAsync(new AuditQuery(Since: Now.AddMinutes(-20)), CancellationToken.None);
        var two = await _audit.Store.QueryAsync(new AuditQuery(Limit: 2), CancellationToken.None);

        Assert.Equal(["d", "c", "a"], byGroup.Select(e => e.Id));
        Assert.Equal(["c", "b"], failed.Select(e => e.Id));
        Assert.Equal(["d", "c", "b"], recent.Select(e => e.Id));
        Assert.Equal(["d", "c"], two.Select(e => e.Id));
    }

    [Fact]
    public async Task PruneAsync_PastRetention_DeletesOnlyOlderEntries()
    {
        var time = new FakeTimeProvider(Now);
        await _audit.Store.AppendAsync(
            [Entry("old", Now.AddDays(-31), "g1", "applied"), Entry("edge", Now.AddDays(-30), "g1", "applied"), Entry("new", Now.AddDays(-1), "g1", "applied")],
            CancellationToken.None);
        var retention = new AuditRetention(_audit.Store, Options.Create(new AuditOptions { RetentionDays = 30 }), time, NullLogger<AuditRetention>.Instance);

        var pruned = await retention.PruneAsync(CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(["new", "edge"], (await _audit.Open().QueryAsync(new AuditQuery(), CancellationToken.None)).Select(e => e.Id));
    }

    internal static AuditEntry Entry(string id, DateTimeOffset at, string group, string outcome) =>
        new(id, at, AuditKinds.Command, group, $"CN={id},OU=Groups,DC=corp,DC=test", "upsertGroup", id, "created", outcome, null, null, null, null);
}
