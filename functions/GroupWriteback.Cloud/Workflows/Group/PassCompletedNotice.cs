
namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Input of <see cref="NotifyPassCompletedActivity"/>.</summary>
public sealed record PassCompletedNotice(string NotifyInstanceId, GroupPassCompleted Completed);
