namespace GroupWriteback.Agent.Processing;

/// <summary>One verdict of the readiness check.</summary>
public sealed record CheckItem(string Name, bool Passed, string Detail);
