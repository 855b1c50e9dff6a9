using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Writes members into an empty group by identity (<c>&lt;SID=…&gt;</c> / <c>&lt;GUID=…&gt;</c> values) without first
/// searching for their DNs: the directory resolves each value in the write itself, and refuses the whole write
/// (unwillingToPerform, nothing written) when one of them names no object. Then the caller resolves and diffs as
/// usual, which also reports the members not found. Only SIDs of the domain's own accounts are written this way:
/// the DC makes a foreignSecurityPrincipal for any other SID it is given, where the resolving path reports the
/// member as not found.
/// </summary>
internal static class MemberValues
{
    /// <summary>
    /// The number of members written, or null when this way does not apply (a reference only resolvable by anchor,
    /// two references to one value) or the directory refused a value; a refused batch wrote nothing, and batches
    /// written before it are found by the caller's diff.
    /// </summary>
    public static int? TryWriteByIdentity(WritebackContext context, string groupDn, IReadOnlyCollection<MemberReference> references)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(references);
        if (ByIdentity(context, references) is not { } values)
        {
            return null;
        }

        foreach (var batch in values.Chunk(context.MemberBatchSize))
        {
            context.Aborting.ThrowIfCancellationRequested();
            var modification = new DirectoryAttributeModification { Name = "member", Operation = DirectoryAttributeOperation.Add };
            foreach (var value in batch)
            {
                modification.Add(value);
            }

            try
            {
                context.Directory.Modify(groupDn, [modification]);
            }
            catch (DirectoryWriteException refused) when (IsRefusedValue(refused.ResultCode))
            {
                return null;
            }
        }

        return values.Count;
    }

    /// <summary>
    /// The <c>&lt;SID=…&gt;</c> / <c>&lt;GUID=…&gt;</c> value of every reference, or null when one has neither (or a SID of
    /// another domain) or two name the same value.
    /// </summary>
    public static IReadOnlyList<string>? ByIdentity(WritebackContext context, IReadOnlyCollection<MemberReference> references)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(references);
        var domainSid = context.Memory.DomainSid ??= DomainSidOf(context.Directory);
        var values = new List<string>(references.Count);
        foreach (var reference in references)
        {
            if (Value(reference, domainSid) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values.Distinct(StringComparer.OrdinalIgnoreCase).Count() == values.Count ? values : null;
    }

    /// <summary>True for the codes with which the directory refuses a member value it cannot resolve or take.</summary>
    public static bool IsRefusedValue(ResultCode? code) =>
        code is ResultCode.UnwillingToPerform or ResultCode.NoSuchObject or ResultCode.AttributeOrValueExists or ResultCode.ConstraintViolation;

    private static string? Value(MemberReference reference, string domainSid) =>
        reference.Sid is { } sid && MemberResolver.IsSid(sid)
            ? OfDomain(sid, domainSid) ? $"<SID={sid}>" : null
            : reference.ObjectGuid is { } guid && guid != Guid.Empty ? $"<GUID={guid:D}>"
            : null;

    /// <summary>True for <c>domainSid-RID</c>: one more sub-authority after the domain's SID.</summary>
    private static bool OfDomain(string sid, string domainSid) =>
        sid.Length > domainSid.Length + 1 &&
        sid.StartsWith(domainSid + "-", StringComparison.OrdinalIgnoreCase) &&
        sid.AsSpan(domainSid.Length + 1).IndexOf('-') < 0;

    private static string DomainSidOf(DirectoryClient directory)
    {
        var entry = directory.Read(directory.DomainDn, "objectSid")
            ?? throw new DirectoryWriteException($"The domain object '{directory.DomainDn}' could not be read.");
        return Security.Sid.FromBinary((byte[])entry.Attributes["objectSid"].GetValues(typeof(byte[]))[0]).ToString();
    }
}
