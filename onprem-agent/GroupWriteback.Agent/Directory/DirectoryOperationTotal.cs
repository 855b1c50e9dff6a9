namespace GroupWriteback.Agent.Directory;

/// <summary>Requests of one kind sent so far and the milliseconds they took together.</summary>
public sealed record DirectoryOperationTotal(long Count, double Milliseconds);
