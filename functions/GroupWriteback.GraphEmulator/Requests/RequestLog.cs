namespace GroupWriteback.GraphEmulator.Requests;

/// <summary>Every Graph request the emulator answered, in order: what was called, how often, with which status.</summary>
internal sealed class RequestLog : AppendOnlyLog<RecordedRequest>
{
    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (e.g. <c>/v1.0/groups/delta</c>), case-insensitive.</summary>
    public IReadOnlyList<RecordedRequest> Matching(string pathPrefix, string? method = null) =>
        [.. Snapshot().Where(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)
            && (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))];
}
