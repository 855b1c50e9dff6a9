namespace GroupWriteback.Contracts;

/// <summary>Version and limits of the wire format shared by the cloud half and the agent.</summary>
public static class WireFormat
{
    /// <summary>
    /// The version this build writes. An agent refuses commands with a higher major version
    /// (a failure result with <see cref="FailureReason.UnsupportedVersion"/>), so the cloud can be
    /// upgraded first and agents after it.
    /// </summary>
    public const int Version = 1;

    /// <summary>Anchor prefix written to adminDescription and msDS-ExternalDirectoryObjectId.</summary>
    public const string AnchorPrefix = "Group_";

    /// <summary>
    /// Members per membership command. 1,000 references of at most ~200 bytes of JSON each stay
    /// well under the 256 KB Service Bus standard-tier message limit.
    /// </summary>
    public const int MaxMembersPerCommand = 1000;
}
