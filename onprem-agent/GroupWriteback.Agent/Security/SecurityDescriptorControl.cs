namespace GroupWriteback.Agent.Security;

/// <summary>Security descriptor control flags ([MS-DTYP] 2.4.6); unknown bits are kept as they are.</summary>
[Flags]
internal enum SecurityDescriptorControl : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>SE_OWNER_DEFAULTED.</summary>
    OwnerDefaulted = 0x0001,

    /// <summary>SE_GROUP_DEFAULTED.</summary>
    GroupDefaulted = 0x0002,

    /// <summary>SE_DACL_PRESENT.</summary>
    DaclPresent = 0x0004,

    /// <summary>SE_DACL_DEFAULTED.</summary>
    DaclDefaulted = 0x0008,

    /// <summary>SE_SACL_PRESENT.</summary>
    SaclPresent = 0x0010,

    /// <summary>SE_SACL_DEFAULTED.</summary>
    SaclDefaulted = 0x0020,

    /// <summary>SE_DACL_AUTO_INHERIT_REQ.</summary>
    DaclAutoInheritRequired = 0x0100,

    /// <summary>SE_SACL_AUTO_INHERIT_REQ.</summary>
    SaclAutoInheritRequired = 0x0200,

    /// <summary>SE_DACL_AUTO_INHERITED.</summary>
    DaclAutoInherited = 0x0400,

    /// <summary>SE_SACL_AUTO_INHERITED.</summary>
    SaclAutoInherited = 0x0800,

    /// <summary>SE_DACL_PROTECTED: inheritance from the parent is blocked.</summary>
    DaclProtected = 0x1000,

    /// <summary>SE_SACL_PROTECTED.</summary>
    SaclProtected = 0x2000,

    /// <summary>SE_SELF_RELATIVE: the only layout the directory speaks.</summary>
    SelfRelative = 0x8000,
}
