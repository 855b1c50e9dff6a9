namespace GroupWriteback.Agent.Processing;

/// <summary>One verdict of the readiness check.</summary>
internal sealed record CheckItem(string Name, bool Passed, string Detail);
