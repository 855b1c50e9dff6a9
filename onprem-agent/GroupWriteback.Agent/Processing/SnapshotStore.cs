using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Keeps the chunks of a membership snapshot on disk until all have arrived, so an agent restart
/// between chunks loses nothing; one folder per group and snapshot id. A reconciled snapshot
/// leaves a marker instead of its chunks, so a chunk redelivered after the reconcile (the agent
/// stopped before the queue heard of it) is answered as done rather than started again. A
/// group's newer snapshot removes its older ones: sessions deliver a group's commands in order.
/// </summary>
internal sealed class SnapshotStore
{
    private const string CompletedSuffix = ".done";
    private readonly string _root;

    /// <summary>Creates the store under the agent's state directory.</summary>
    public SnapshotStore(string stateDirectory) => _root = Path.Combine(stateDirectory, "snapshots");

    /// <summary>True when an id is safe to use as a folder name.</summary>
    public static bool IsSafeId(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !id.StartsWith('.');

    /// <summary>True when this snapshot of the group was already reconciled.</summary>
    public bool IsCompleted(string groupId, string snapshotId) => File.Exists(Marker(groupId, snapshotId));

    /// <summary>Stores a chunk (idempotent) and returns all chunks when the snapshot is complete, else null.</summary>
    public IReadOnlyList<MembershipSnapshotCommand>? Add(MembershipSnapshotCommand chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        RemoveOtherSnapshots(chunk.GroupId, chunk.SnapshotId);
        var folder = Folder(chunk.GroupId, chunk.SnapshotId);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{chunk.ChunkIndex:D6}.json");
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, WireSerializer.Serialize(chunk));
        File.Move(temporary, path, overwrite: true);
        var files = System.IO.Directory.GetFiles(folder, "*.json");
        if (files.Length < chunk.ChunkCount)
        {
            return null;
        }

        return files.Order(StringComparer.Ordinal)
            .Select(f => WireSerializer.DeserializeCommand(File.ReadAllBytes(f)))
            .OfType<MembershipSnapshotCommand>()
            .Where(c => c.ChunkCount == chunk.ChunkCount)
            .ToList();
    }

    /// <summary>Marks the snapshot reconciled and drops its chunks.</summary>
    public void Complete(string groupId, string snapshotId)
    {
        // A snapshot written with its group's create never had chunks stored: its folder may not exist yet.
        RemoveOtherSnapshots(groupId, snapshotId);
        System.IO.Directory.CreateDirectory(Path.Combine(_root, groupId));
        File.WriteAllBytes(Marker(groupId, snapshotId), []);
        var folder = Folder(groupId, snapshotId);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private void RemoveOtherSnapshots(string groupId, string snapshotId)
    {
        var group = Path.Combine(_root, groupId);
        if (!System.IO.Directory.Exists(group))
        {
            return;
        }

        foreach (var folder in System.IO.Directory.GetDirectories(group).Where(f => Path.GetFileName(f) != snapshotId))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        foreach (var marker in System.IO.Directory.GetFiles(group, "*" + CompletedSuffix).Where(f => Path.GetFileName(f) != snapshotId + CompletedSuffix))
        {
            File.Delete(marker);
        }
    }

    private string Folder(string groupId, string snapshotId) => Path.Combine(_root, groupId, snapshotId);

    private string Marker(string groupId, string snapshotId) => Path.Combine(_root, groupId, snapshotId + CompletedSuffix);
}
