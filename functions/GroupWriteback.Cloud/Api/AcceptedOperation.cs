namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of an endpoint that started or signalled a workflow (202).</summary>
/// <param name="InstanceId">The orchestration instance.</param>
/// <param name="Status">"started", "signalled", "approved", "rejected".</param>
/// <param name="Message">What happens next.</param>
public sealed record AcceptedOperation(string InstanceId, string Status, string Message);
