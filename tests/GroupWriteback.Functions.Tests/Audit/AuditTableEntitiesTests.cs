using GroupWriteback.Cloud.Audit;
using GroupWriteback.Functions.Audit;

namespace GroupWriteback.Functions.Tests.Audit;

/// <summary>The Table Storage mapping as a pure function: no storage service runs here, so the store over it stays thin.</summary>
public sealed class AuditTableEntitiesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    private static readonly AuditEntry Entry = new(
        "upsert-1/x#y@123", At, AuditKinds.Command, "0f8fad5b-d9cb-469f-a165-70867728950e", "CN=Sales,OU=Groups,DC=corp,DC=test",
        "upsertGroup", "upsert-1/x#y", "created", "applied", null, "created 'CN=Sales'", "4bf92f3577b34da6a3ce929d0e0e4736", "agent-1");

    [Fact]
    public void ToEntity_FromEntity_RoundTrips()
    {
        var entity = AuditTableEntities.ToEntity(Entry);

        Assert.Equal(Entry, AuditTableEntities.FromEntity(entity));
        Assert.Equal(AuditTableEntities.Partition, entity.PartitionKey);
        Assert.DoesNotContain('/', entity.RowKey);
        Assert.DoesNotContain('#', entity.RowKey);
    }

    [Fact]
    public void RowKey_NewerEntry_SortsFirst()
    {
        var older = AuditTableEntities.RowKey(Entry with { Time = At.AddSeconds(-1) });
        var newer = AuditTableEntities.RowKey(Entry with { Time = At.AddSeconds(1) });

        Assert.True(string.CompareOrdinal(newer, older) < 0);
    }

    [Fact]
    public void Filter_EveryField_EscapedAndJoined()
    {
        var filter = AuditTableEntities.Filter(new AuditQuery("g'1", "failed", At));

        Assert.Equal(
            $"PartitionKey eq 'audit' and RowKey lt '{AuditTableEntities.TimeKey(At)}`' and GroupId eq 'g''1' and Outcome eq 'failed'",
            filter);
    }

    [Fact]
    public void Filters_SinceAndOlderThan_SplitTheRowsAtTheSameInstant()
    {
        var at = AuditTableEntities.RowKey(Entry);
        var bound = AuditTableEntities.TimeKey(At) + "`";

        // "since At" takes the entry written at At (row key below the bound); "older than At" leaves it (not above it).
        Assert.True(string.CompareOrdinal(at, bound) < 0);
        Assert.Equal($"PartitionKey eq 'audit' and RowKey gt '{bound}'", AuditTableEntities.OlderThan(At));
    }
}
