using System.DirectoryServices.Protocols;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// A directory operation that failed, with what an administrator needs: the DN, the LDAP result
/// code, and whether retrying can help.
/// </summary>
internal sealed class DirectoryWriteException : Exception
{
    /// <summary>Creates the failure.</summary>
    public DirectoryWriteException(FailureReason reason, string message, string? dn = null, ResultCode? resultCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        DistinguishedName = dn;
        ResultCode = resultCode;
    }

    /// <summary>Creates the failure.</summary>
    public DirectoryWriteException()
        : this(FailureReason.DirectoryRejected, "Directory operation failed.")
    {
    }

    /// <summary>Creates the failure.</summary>
    public DirectoryWriteException(string message)
        : this(FailureReason.DirectoryRejected, message)
    {
    }

    /// <summary>Creates the failure.</summary>
    public DirectoryWriteException(string message, Exception innerException)
        : this(FailureReason.DirectoryRejected, message, null, null, innerException)
    {
    }

    /// <summary>Why, in the wire's terms.</summary>
    public FailureReason Reason { get; }

    /// <summary>The DN the operation was aimed at.</summary>
    public string? DistinguishedName { get; }

    /// <summary>The LDAP result code, when the server answered.</summary>
    public ResultCode? ResultCode { get; }

    /// <summary>True when a retry may succeed (server down, busy, timeout).</summary>
    public bool IsTransient => Reason == FailureReason.Transient;
}
