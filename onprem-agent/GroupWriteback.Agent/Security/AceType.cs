namespace GroupWriteback.Agent.Security;

/// <summary>ACE types of [MS-DTYP] 2.4.4.1 that the codec decodes; any other value is kept as opaque bytes.</summary>
internal enum AceType : byte
{
    /// <summary>ACCESS_ALLOWED_ACE_TYPE.</summary>
    AccessAllowed = 0x00,

    /// <summary>ACCESS_DENIED_ACE_TYPE.</summary>
    AccessDenied = 0x01,

    /// <summary>SYSTEM_AUDIT_ACE_TYPE (kept opaque).</summary>
    SystemAudit = 0x02,

    /// <summary>ACCESS_ALLOWED_OBJECT_ACE_TYPE.</summary>
    AccessAllowedObject = 0x05,

    /// <summary>ACCESS_DENIED_OBJECT_ACE_TYPE.</summary>
    AccessDeniedObject = 0x06,

    /// <summary>SYSTEM_AUDIT_OBJECT_ACE_TYPE (kept opaque).</summary>
    SystemAuditObject = 0x07,
}
