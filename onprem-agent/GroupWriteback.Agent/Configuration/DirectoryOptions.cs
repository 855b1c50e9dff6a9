using System.ComponentModel.DataAnnotations;
using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Configuration;

/// <summary>How the agent reaches Active Directory and where it may write. Section "Directory".</summary>
internal sealed class DirectoryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Directory";

    /// <summary>Domain controller host name (must match its certificate).</summary>
    [Required]
    public string Server { get; set; } = string.Empty;

    /// <summary>LDAPS port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 636;

    /// <summary>Use TLS (LDAPS). Turning it off is refused unless <see cref="AllowPlaintext"/> is set.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Permits a plaintext connection (labs only).</summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>
    /// Directory of trusted CA certificates (hashed with <c>openssl rehash</c>) used to verify the
    /// DC's certificate on Linux. Empty: the system store.
    /// </summary>
    public string? TrustedCertificatesDirectory { get; set; }

    /// <summary>"Negotiate" (Kerberos, default on a domain-joined box) or "Basic" (simple bind over TLS).</summary>
    [Required]
    public string AuthType { get; set; } = "Negotiate";

    /// <summary>Bind account (DN or UPN) for simple bind, or user for Negotiate; empty uses the process identity.</summary>
    public string? BindUser { get; set; }

    /// <summary>Password for <see cref="BindUser"/>.</summary>
    public string? BindPassword { get; set; }

    /// <summary>The domain naming context, e.g. DC=corp,DC=test. Empty: read from RootDSE.</summary>
    public string? DomainDn { get; set; }

    /// <summary>The OUs the agent may write under. Every DN it writes must be inside one of them.</summary>
    [MinLength(1)]
    public List<string> TargetOus { get; set; } = [];

    /// <summary>The OU new groups go to when a command names none.</summary>
    public string? DefaultTargetOu { get; set; }

    /// <summary>
    /// Whether a queued grant may write the domain roots' and AdminSDHolder's DACLs, which lie outside
    /// <see cref="TargetOus"/>. Off by default: the local <c>grant --domain</c> is the way to do that.
    /// </summary>
    public bool AllowDomainRootGrants { get; set; }

    /// <summary>LDAP operation timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest sAMAccountName given to a new group. 64 (the default) keeps it no longer than the CN; Windows accepts
    /// group names up to 256; set 20 where clients older than Windows 2000 (NT 4.0, LAN Manager) must still see the
    /// groups. Names already written are not shortened.
    /// </summary>
    [Range(GroupNaming.MinSamAccountName, GroupNaming.MaxSamAccountNameLimit)]
    public int SamAccountNameMaxLength { get; set; } = GroupNaming.DefaultMaxSamAccountName;

    /// <summary>
    /// Values per member modify operation. Each modify is one write transaction on the DC, which rewrites the
    /// group's member links, so a large group is written fastest in few, large batches.
    /// </summary>
    [Range(1, 5000)]
    public int MemberBatchSize { get; set; } = 5000;
}
