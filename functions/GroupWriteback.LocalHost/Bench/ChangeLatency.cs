namespace GroupWriteback.LocalHost.Bench;

/// <summary>One change made in the emulated tenant and how long it took until AD showed it (the raw figure: the same change by LDAP).</summary>
internal sealed record ChangeLatency(string Kind, double Milliseconds);
