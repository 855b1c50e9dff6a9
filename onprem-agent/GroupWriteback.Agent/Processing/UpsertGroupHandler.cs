using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Creates the group, or brings the object carrying its anchor to the desired state: attributes,
/// type, name (ModifyDN, objectGUID kept) and OU.
/// </summary>
public static class UpsertGroupHandler
{
    private const int MaxSamAttempts = 5;

    /// <summary>Applies the command.</summary>
    public static WritebackResult Handle(WritebackContext context, UpsertGroupCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (!CommandResults.TryAnchor(command, out var anchor, out var invalid))
        {
            return invalid!;
        }

        if (!DistinguishedName.TryParse(command.TargetOu ?? string.Empty, out var targetOu, out var dnError))
        {
            return CommandResults.Failed(command, FailureReason.InvalidCommand, $"Group {command.GroupId}: target OU '{command.TargetOu}' is not a DN: {dnError}.");
        }

        if (!context.Scope.Contains(command.TargetOu!))
        {
            return CommandResults.Failed(command, FailureReason.OutsideScope, $"Group {command.GroupId}: target OU '{command.TargetOu}' is outside the configured target OUs; nothing written.", command.TargetOu);
        }

        var desired = DesiredGroup.For(command, anchor, context.Schema);
        var commonName = GroupNaming.CommonName(anchor, command.Naming, command.Attributes.DisplayName);
        var rdn = "CN=" + DistinguishedName.EscapeValue(commonName);
        var desiredDn = rdn + "," + targetOu;
        if (!context.Scope.ContainsBelow(desiredDn))
        {
            return CommandResults.Failed(command, FailureReason.OutsideScope, $"Group {command.GroupId}: '{desiredDn}' would be outside the configured target OUs; nothing written.", desiredDn);
        }

        if (context.Directory.Read(targetOu.ToString(), "objectClass") is null)
        {
            return CommandResults.Failed(command, FailureReason.TargetOuMissing, $"Group {command.GroupId}: target OU '{targetOu}' does not exist.", targetOu.ToString());
        }

        string[] read = [.. desired.Attributes.Keys, SchemaCapabilities.AllowedAttributesEffective];
        var existing = GroupLocator.FindInScope(context, anchor, read);
        return existing is null
            ? Create(context, command, anchor, commonName, desiredDn, read)
            : Update(context, command, existing, DesiredGroup.For(command, anchor, context.Schema.WritableOn(existing)), rdn, targetOu, desiredDn);
    }

    /// <summary>
    /// Adds the group with the attributes every forest has, then writes the optional ones
    /// (Exchange, msDS-ExternalDirectoryObjectId) that the new object's
    /// allowedAttributesEffective lists: an add is not checked attribute by attribute, so
    /// writing them in the add would bypass an ACL that denies them to the agent's account.
    /// </summary>
    private static WritebackResult Create(WritebackContext context, UpsertGroupCommand command, WritebackAnchor anchor, string commonName, string dn, string[] read)
    {
        var desired = DesiredGroup.For(command, anchor, SchemaCapabilities.None);
        EnsureNameFree(context, command, dn);
        if (context.DryRun)
        {
            return CommandResults.Succeeded(command, true, new GroupEntry(dn, Guid.Empty, anchor.Value, new Dictionary<string, string[]>()), $"would create '{dn}'");
        }

        for (var attempt = 0; ; attempt++)
        {
            var sam = GroupNaming.SamAccountName(anchor, commonName, attempt, context.MaxSamAccountName);
            if (SamAccountNameTaken(context, sam) && attempt < MaxSamAttempts)
            {
                continue;
            }

            var attributes = new List<DirectoryAttribute> { new("objectClass", "top", "group"), new("sAMAccountName", sam) };
            attributes.AddRange(desired.ForCreate().Select(a => new DirectoryAttribute(a.Name, a.Values.Cast<object>().ToArray())));
            context.Directory.Add(dn, attributes);
            var created = context.Directory.Read(dn, [.. GroupEntry.BaseAttributes, .. read]) is { } entry
                ? GroupEntry.From(entry)
                : throw new DirectoryWriteException(FailureReason.DirectoryRejected, $"'{dn}' was created but cannot be read back.", dn);
            var optional = AttributeDiff.Compute(created, DesiredGroup.For(command, anchor, context.Schema.WritableOn(created)));
            if (optional.Count > 0)
            {
                context.Directory.Modify(dn, optional);
            }

            var written = optional.Count == 0 ? "none" : string.Join(", ", optional.Select(m => m.Name));
            return CommandResults.Succeeded(command, true, created, $"created '{dn}' (sAMAccountName {sam}; optional attributes: {written})");
        }
    }

    private static WritebackResult Update(WritebackContext context, UpsertGroupCommand command, GroupEntry existing, DesiredGroup desired, string rdn, DistinguishedName targetOu, string desiredDn)
    {
        var changes = new List<string>();
        var current = existing;
        var currentName = DistinguishedName.Parse(existing.Dn);
        var sameName = currentName.Equals(DistinguishedName.Parse(desiredDn)) &&
            string.Equals(currentName.Rdns[0].Value, DistinguishedName.Parse(desiredDn).Rdns[0].Value, StringComparison.Ordinal);
        if (!sameName)
        {
            EnsureNameFree(context, command, desiredDn, existing.Dn);
            if (!context.DryRun)
            {
                context.Directory.MoveAndRename(existing.Dn, targetOu.ToString(), rdn);
            }

            changes.Add($"moved/renamed '{existing.Dn}' to '{desiredDn}'");
            current = existing with { Dn = desiredDn };
        }

        var modifications = AttributeDiff.Compute(current, desired);
        if (modifications.Count > 0)
        {
            if (!context.DryRun)
            {
                context.Directory.Modify(current.Dn, modifications);
            }

            changes.Add("updated " + string.Join(", ", modifications.Select(m => m.Name)));
        }

        return CommandResults.Succeeded(command, changes.Count > 0, current, changes.Count > 0 ? string.Join("; ", changes) : "already up to date");
    }

    /// <summary>An object already at the target name that is not ours is never overwritten.</summary>
    private static void EnsureNameFree(WritebackContext context, UpsertGroupCommand command, string dn, string? ourDn = null)
    {
        if (ourDn is not null && DistinguishedName.Parse(dn).Equals(DistinguishedName.Parse(ourDn)))
        {
            return;
        }

        var occupant = context.Directory.Read(dn, WritebackAnchor.AdminDescription);
        if (occupant is not null)
        {
            throw new DirectoryWriteException(
                FailureReason.NameCollision,
                $"'{dn}' already exists and does not carry the anchor of group {command.GroupId}; it is not touched.",
                dn);
        }
    }

    private static bool SamAccountNameTaken(WritebackContext context, string sam) =>
        context.Directory.Search(context.Directory.DomainDn, $"(sAMAccountName={LdapFilter.Escape(sam)})", SearchScope.Subtree, "objectClass").Count > 0;
}
