namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The directory object types the emulated tenant holds.</summary>
public enum DirectoryObjectKind
{
    User,
    Group,

    /// <summary>A device: a member of groups in Entra ID, never of groups on-premises.</summary>
    Device,
}
