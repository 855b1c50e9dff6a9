using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>The results a pass received, and the commands that never answered.</summary>
internal sealed record ResultTally(IReadOnlyList<WritebackResult> Results, IReadOnlyList<string> Missing, int Requeues);
