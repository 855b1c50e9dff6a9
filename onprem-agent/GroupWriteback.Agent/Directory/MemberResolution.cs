using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Directory;

/// <summary>Result of resolving member references: DNs found, and references not found on-premises.</summary>
internal sealed record MemberResolution(IReadOnlyDictionary<MemberReference, string> Resolved, IReadOnlyList<MemberReference> NotFound);
