namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The directory object types the emulated tenant holds.</summary>
public enum DirectoryObjectKind
{
    User,
    Group,
}
