namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A reference to a user or group, as a group's member list holds it.</summary>
public sealed record DirectoryObjectRef(string Id, DirectoryObjectKind Kind);
