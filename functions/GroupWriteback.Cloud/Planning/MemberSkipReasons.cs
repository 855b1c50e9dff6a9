namespace GroupWriteback.Cloud.Planning;

/// <summary>Why members were left out of a pass, as the group's status names them (<c>membersSkippedBy</c>).</summary>
internal static class MemberSkipReasons
{
    /// <summary>
    /// A device, org contact or service principal: never a group member on-premises. Known from the member's
    /// <c>@odata.type</c> alone, so it costs no lookup, no snapshot and no write.
    /// </summary>
    public const string MemberTypeNotWrittenBack = "memberTypeNotWrittenBack";

    /// <summary>A user or group the cloud knows no on-premises identity (SID, objectGUID or anchor) for.</summary>
    public const string NoOnPremisesIdentity = "noOnPremisesIdentity";

    /// <summary>The agent found no on-premises object for the member's identity.</summary>
    public const string NotFoundOnPremises = "notFoundOnPremises";

    /// <summary>The non-zero counts by reason, in a fixed order.</summary>
    public static IReadOnlyDictionary<string, int> Counts(int memberType, int noIdentity, int notFound)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, MemberTypeNotWrittenBack, memberType);
        Add(counts, NoOnPremisesIdentity, noIdentity);
        Add(counts, NotFoundOnPremises, notFound);
        return counts;
    }

    private static void Add(Dictionary<string, int> counts, string reason, int count)
    {
        if (count > 0)
        {
            counts[reason] = count;
        }
    }
}
