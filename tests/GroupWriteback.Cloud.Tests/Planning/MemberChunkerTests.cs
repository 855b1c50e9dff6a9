using GroupWriteback.Cloud.Planning;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Cloud.Tests.Planning;

public sealed class MemberChunkerTests
{
    [Fact]
    public void Chunk_2500Members_GivesTwoFullChunksAndTheRest()
    {
        // Arrange
        var members = Enumerable.Range(0, 2500).ToList();

        // Act
        var chunks = MemberChunker.Chunk(members);

        // Assert
        Assert.Equal([1000, 1000, 500], chunks.Select(c => c.Count));
        Assert.Equal(members, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Chunk_ZeroSize_Throws()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => MemberChunker.Chunk([1], 0));
    }

    [Fact]
    public void ChunkChanges_AddsAndRemoves_KeepsEveryReferenceWithinTheSizeRemovesFirst()
    {
        // Arrange
        var add = References("a", 7);
        var remove = References("r", 5);

        // Act
        var chunks = MemberChunker.ChunkChanges(add, remove, size: 4);

        // Assert
        Assert.All(chunks, c => Assert.InRange(c.Add.Count + c.Remove.Count, 1, 4));
        Assert.Equal(remove, chunks.SelectMany(c => c.Remove));
        Assert.Equal(add, chunks.SelectMany(c => c.Add));
        Assert.Equal((0, 4), (chunks[0].Add.Count, chunks[0].Remove.Count));
    }

    [Fact]
    public void ChunkChanges_Nothing_GivesNoChunks()
    {
        // Arrange / Act / Assert
        Assert.Empty(MemberChunker.ChunkChanges([], []));
    }

    [Fact]
    public void Chunk_FullChunkOfLargestReferences_FitsAStandardServiceBusMessage()
    {
        // Arrange
        var members = Enumerable.Range(0, WireFormat.MaxMembersPerCommand).Select(i => new MemberReference
        {
            CloudId = Guid.NewGuid().ToString(),
            Sid = $"S-1-5-21-4294967295-4294967295-4294967295-{4000000000 + i}",
            ObjectGuid = Guid.NewGuid(),
            WrittenBackGroupId = Guid.NewGuid().ToString(),
        }).ToList();
        var command = new MembershipSnapshotCommand
        {
            CommandId = new string('f', 32),
            GroupId = Guid.NewGuid().ToString(),
            ReplyTo = "group-" + Guid.NewGuid(),
            SnapshotId = new string('e', 32),
            ChunkIndex = 0,
            ChunkCount = 1,
            Members = MemberChunker.Chunk(members).Single(),
        };

        // Act
        var size = WireSerializer.Serialize(command).Length;

        // Assert
        Assert.InRange(size, 1, 256 * 1024 - 8 * 1024);
    }

    private static List<MemberReference> References(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new MemberReference { CloudId = $"{prefix}{i}", Sid = $"S-1-5-21-1-1-1-{i}" })];
}
