using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Keeps the chunks of a membership snapshot on disk until all have arrived, so an agent restart
/// between chunks loses nothing. One folder per group and snapshot id.
/// </summary>
public sealed class SnapshotStore
{
    private readonly string _root;

    /// <summary>Creates the store under the agent's state directory.</summary>
    public SnapshotStore(string stateDirectory) => _root = Path.Combine(stateDirectory, "snapshots");

    /// <summary>True when an id is safe to use as a folder name.</summary>
    public static bool IsSafeId(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !id.StartsWith('.');

    /// <summary>Stores a chunk (idempotent) and returns all chunks when the snapshot is complete, else null.</summary>
    public IReadOnlyList<MembershipSnapshotCommand>? Add(MembershipSnapshotCommand chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
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

    /// <summary>Removes every stored snapshot of the group (after a reconcile completed).</summary>
    public void Clear(string groupId)
    {
        var folder = Path.Combine(_root, groupId);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private string Folder(string groupId, string snapshotId) => Path.Combine(_root, groupId, snapshotId);
}
