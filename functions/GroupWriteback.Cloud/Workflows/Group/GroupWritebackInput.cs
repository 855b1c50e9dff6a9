using GroupWriteback.Cloud.Planning;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Input of one generation of a per-group orchestration.</summary>
public sealed record GroupWritebackInput
{
    /// <summary>What is known about the group so far.</summary>
    public required GroupStatus Status { get; init; }

    /// <summary>The pass to run now; null means wait for <see cref="EventNames.GroupChangeRequested"/>.</summary>
    public GroupPassRequest? Request { get; init; }
}
