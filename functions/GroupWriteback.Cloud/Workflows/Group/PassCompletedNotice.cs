using GroupWriteback.Cloud.Orchestrations;

namespace GroupWriteback.Cloud.Activities;

/// <summary>Input of <see cref="NotifyPassCompletedActivity"/>.</summary>
public sealed record PassCompletedNotice(string NotifyInstanceId, GroupPassCompleted Completed);
