namespace GroupWriteback.Agent.Security;

/// <summary>
/// Active Directory access mask bits ([MS-ADTS] 5.1.3.2). The generic composites are the AD
/// generic mapping, which is what the directory stores for effective ACEs.
/// </summary>
[Flags]
internal enum DirectoryRights
{
    /// <summary>No right.</summary>
    None = 0,

    /// <summary>RIGHT_DS_CREATE_CHILD (CC).</summary>
    CreateChild = 0x1,

    /// <summary>RIGHT_DS_DELETE_CHILD (DC).</summary>
    DeleteChild = 0x2,

    /// <summary>RIGHT_DS_LIST_CONTENTS (LC).</summary>
    ListChildren = 0x4,

    /// <summary>RIGHT_DS_WRITE_PROPERTY_EXTENDED (SW, validated write).</summary>
    Self = 0x8,

    /// <summary>RIGHT_DS_READ_PROPERTY (RP).</summary>
    ReadProperty = 0x10,

    /// <summary>RIGHT_DS_WRITE_PROPERTY (WP).</summary>
    WriteProperty = 0x20,

    /// <summary>RIGHT_DS_DELETE_TREE (DT).</summary>
    DeleteTree = 0x40,

    /// <summary>RIGHT_DS_LIST_OBJECT (LO).</summary>
    ListObject = 0x80,

    /// <summary>RIGHT_DS_CONTROL_ACCESS (CR, extended rights).</summary>
    ControlAccess = 0x100,

    /// <summary>DELETE (SD).</summary>
    Delete = 0x10000,

    /// <summary>READ_CONTROL (RC).</summary>
    ReadControl = 0x20000,

    /// <summary>WRITE_DAC (WD).</summary>
    WriteDacl = 0x40000,

    /// <summary>WRITE_OWNER (WO).</summary>
    WriteOwner = 0x80000,

    /// <summary>GENERIC_READ mapped for AD: RC | LC | RP | LO (0x20094).</summary>
    GenericRead = ReadControl | ListChildren | ReadProperty | ListObject,

    /// <summary>GENERIC_WRITE mapped for AD: RC | SW | WP (0x20028).</summary>
    GenericWrite = ReadControl | Self | WriteProperty,
}
