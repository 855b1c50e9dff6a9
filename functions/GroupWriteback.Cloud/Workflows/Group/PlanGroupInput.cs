using GroupWriteback.Cloud.Planning;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Input of <see cref="PlanGroupActivity"/>.</summary>
public sealed record PlanGroupInput(string InstanceId, int Pass, GroupPassRequest Request, GroupStatus Status);
