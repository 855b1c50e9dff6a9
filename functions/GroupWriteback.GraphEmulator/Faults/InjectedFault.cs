namespace GroupWriteback.GraphEmulator.Faults;

/// <summary>A failure answered to the next <see cref="Remaining"/> requests under a path prefix.</summary>
internal sealed record InjectedFault(string PathPrefix, int StatusCode, int RetryAfterSeconds, int Remaining);
