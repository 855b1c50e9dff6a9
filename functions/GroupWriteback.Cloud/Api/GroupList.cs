namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of <c>GET /api/groups</c>.</summary>
/// <param name="Groups">The groups that match, by display name, at most the limit.</param>
/// <param name="Matched">How many matched in all.</param>
/// <param name="Outcomes">Every group with state counted by its last outcome (<c>none</c> before its first result), whatever the filter.</param>
public sealed record GroupList(IReadOnlyList<GroupReport> Groups, int Matched, IReadOnlyDictionary<string, int> Outcomes);
