namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A group's properties and direct members captured together.</summary>
public sealed record GroupWithMembers(EmulatedGroup Group, IReadOnlyList<DirectoryObjectRef> Members);
