using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Tests.Processing;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("gw-snapshots-").FullName;
    private readonly SnapshotStore _store;
    private readonly string _group = Guid.NewGuid().ToString();

    public SnapshotStoreTests() => _store = new SnapshotStore(_folder);

    [Fact]
    public void Add_ChunksInAnyOrderAndTwice_CompletesWithEachChunkOnce()
    {
        var first = _store.Add(Chunk("s1", 1, 3));
        var again = _store.Add(Chunk("s1", 1, 3));
        var second = _store.Add(Chunk("s1", 2, 3));
        var last = _store.Add(Chunk("s1", 0, 3));

        Assert.Null(first);
        Assert.Null(again);
        Assert.Null(second);
        Assert.Equal([0, 1, 2], last!.Select(c => c.ChunkIndex));
    }

    [Fact]
    public void Complete_ThenSameSnapshotRedelivered_IsCompleted()
    {
        _store.Add(Chunk("s1", 0, 1));

        _store.Complete(_group, "s1");

        Assert.True(_store.IsCompleted(_group, "s1"));
        Assert.False(_store.IsCompleted(_group, "s2"));
    }

    [Fact]
    public void Add_NewerSnapshot_ForgetsTheOlderOne()
    {
        _store.Add(Chunk("s1", 0, 2));
        _store.Complete(_group, "s0");

        var complete = _store.Add(Chunk("s2", 0, 1));

        Assert.Single(complete!);
        Assert.False(_store.IsCompleted(_group, "s0"));
        Assert.Null(_store.Add(Chunk("s1", 1, 2)));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("..", false)]
    [InlineData("../etc", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("2f1e-snap_1.v2", true)]
    public void IsSafeId_Value_AcceptsOnlyPlainNames(string id, bool expected)
    {
        Assert.Equal(expected, SnapshotStore.IsSafeId(id));
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private MembershipSnapshotCommand Chunk(string snapshotId, int index, int count) => new()
    {
        CommandId = $"{snapshotId}-{index}",
        GroupId = _group,
        SnapshotId = snapshotId,
        ChunkIndex = index,
        ChunkCount = count,
    };
}
