namespace GroupWriteback.Agent.Directory;

/// <summary>Requests of one kind sent so far and the milliseconds they took together.</summary>
internal sealed record DirectoryOperationTotal(long Count, double Milliseconds);
