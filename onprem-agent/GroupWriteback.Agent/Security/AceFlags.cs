namespace GroupWriteback.Agent.Security;

/// <summary>ACE header flags ([MS-DTYP] 2.4.4.1): inheritance and audit.</summary>
[Flags]
internal enum AceFlags : byte
{
    /// <summary>No flag: the ACE applies to this object only.</summary>
    None = 0,

    /// <summary>OBJECT_INHERIT_ACE.</summary>
    ObjectInherit = 0x01,

    /// <summary>CONTAINER_INHERIT_ACE: inherited by child objects (in AD, every child).</summary>
    ContainerInherit = 0x02,

    /// <summary>NO_PROPAGATE_INHERIT_ACE.</summary>
    NoPropagateInherit = 0x04,

    /// <summary>INHERIT_ONLY_ACE: does not apply to this object, only to descendants.</summary>
    InheritOnly = 0x08,

    /// <summary>INHERITED_ACE: came from a parent; the directory recomputes these.</summary>
    Inherited = 0x10,

    /// <summary>SUCCESSFUL_ACCESS_ACE_FLAG (audit).</summary>
    SuccessfulAccess = 0x40,

    /// <summary>FAILED_ACCESS_ACE_FLAG (audit).</summary>
    FailedAccess = 0x80,
}
