using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Creates the group, or brings the object carrying its anchor to the desired state: attributes,
/// type, name (ModifyDN, objectGUID kept) and OU.
/// </summary>
internal static class UpsertGroupHandler
{
    private const int MaxSamAttempts = 5;

    /// <summary>Applies the command; a create takes the members of <paramref name="members"/> into its add when it can.</summary>
    public static WritebackResult Handle(WritebackContext context, UpsertGroupCommand command, InlineMembers? members = null)
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

        if (!context.Memory.OuKnown(targetOu.ToString()))
        {
            if (context.Directory.Read(targetOu.ToString(), "objectClass") is null)
            {
                return OuMissing(command, targetOu);
            }

            context.Memory.OuSeen(targetOu.ToString());
        }

        string[] read = [.. desired.Attributes.Keys, SchemaCapabilities.AllowedAttributesEffective];
        var existing = GroupLocator.FindInScope(context, anchor, read);
        return existing is null
            ? Create(context, command, anchor, commonName, desiredDn, read, targetOu, members)
            : Update(context, command, anchor, existing, DesiredGroup.For(command, anchor, context.Schema.WritableOn(existing)), rdn, targetOu, desiredDn);
    }

    /// <summary>
    /// Adds the group in one transaction with every optional attribute (Exchange, msDS-ExternalDirectoryObjectId) the
    /// agent's account may write on groups in the OU. An add is not checked attribute by attribute, so writing one the
    /// ACL denies would bypass it: what is writable comes from the allowedAttributesEffective of the first group the
    /// agent created in the OU, remembered for <see cref="DirectoryMemory.OuLifetime"/>. That first group is added with
    /// the attributes every forest has and its optional ones are written after, as the read-back allows. The directory
    /// itself answers whether the name or the sAMAccountName is taken (entryAlreadyExists), so neither is read first.
    /// The members offered by the snapshot queued behind the upsert go into the same add; when the directory refuses
    /// one of them the group is added without them, and the snapshot reconciles them as usual.
    /// </summary>
    private static WritebackResult Create(
        WritebackContext context, UpsertGroupCommand command, WritebackAnchor anchor, string commonName, string dn, string[] read, DistinguishedName targetOu, InlineMembers? members)
    {
        if (context.DryRun)
        {
            EnsureNameFree(context, command, dn);
            return CommandResults.Succeeded(command, true, new GroupEntry(dn, Guid.Empty, anchor.Value, new Dictionary<string, string[]>()), $"would create '{dn}'");
        }

        var writable = context.Memory.WritableIn(targetOu.ToString(), context.Schema);
        var desired = DesiredGroup.For(command, anchor, writable ?? SchemaCapabilities.None);
        var inline = members is null ? null : MemberValues.ByIdentity(context, members.Snapshot.Members);
        for (var attempt = 0; ; attempt++)
        {
            var sam = GroupNaming.SamAccountName(anchor, commonName, attempt, context.MaxSamAccountName);
            var attributes = new List<DirectoryAttribute> { new("objectClass", "top", "group"), new("sAMAccountName", sam) };
            attributes.AddRange(desired.ForCreate().Select(a => new DirectoryAttribute(a.Name, a.Values.Cast<object>().ToArray())));
            if (inline is { Count: > 0 })
            {
                attributes.Add(new DirectoryAttribute("member", inline.Cast<object>().ToArray()));
            }

            try
            {
                context.Directory.Add(dn, attributes);
            }
            catch (DirectoryWriteException refused) when (inline is { Count: > 0 } && MemberValues.IsRefusedValue(refused.ResultCode))
            {
                // A member value names no object (or the OU is gone): nothing was written; add the group alone.
                inline = null;
                attempt--;
                continue;
            }
            catch (DirectoryWriteException taken) when (taken.ResultCode == ResultCode.EntryAlreadyExists)
            {
                // The DN or the sAMAccountName is in use: an occupant of the DN is never overwritten, a taken sAMAccountName moves on to the next candidate.
                EnsureNameFree(context, command, dn);
                if (attempt < MaxSamAttempts)
                {
                    continue;
                }

                throw;
            }
            catch (DirectoryWriteException missing) when (missing.ResultCode == ResultCode.NoSuchObject)
            {
                context.Memory.OuGone(targetOu.ToString());
                return OuMissing(command, targetOu);
            }

            context.Memory.Located(anchor, dn);
            var withMembers = string.Empty;
            if (inline is not null)
            {
                members!.Taken(inline.Count);
                withMembers = $"; {inline.Count} member(s) in the add";
            }

            if (writable is not null)
            {
                var optionalInline = string.Join(", ", desired.Attributes.Keys.Where(SchemaCapabilities.IsOptional).Order(StringComparer.Ordinal));
                return CommandResults.Succeeded(
                    command,
                    true,
                    new GroupEntry(dn, Guid.Empty, anchor.Value, new Dictionary<string, string[]>()),
                    $"created '{dn}' (sAMAccountName {sam}; optional attributes: {(optionalInline.Length == 0 ? "none" : optionalInline)}{withMembers})");
            }

            var created = context.Directory.Read(dn, [.. GroupEntry.BaseAttributes, .. read]) is { } entry
                ? GroupEntry.From(entry)
                : throw new DirectoryWriteException(FailureReason.DirectoryRejected, $"'{dn}' was created but cannot be read back.", dn);
            context.Memory.LearnWritable(targetOu.ToString(), created.Get(SchemaCapabilities.AllowedAttributesEffective));
            var optional = AttributeDiff.Compute(created, DesiredGroup.For(command, anchor, context.Schema.WritableOn(created)));
            if (optional.Count > 0)
            {
                context.Directory.Modify(dn, optional);
            }

            var written = optional.Count == 0 ? "none" : string.Join(", ", optional.Select(m => m.Name));
            return CommandResults.Succeeded(command, true, created, $"created '{dn}' (sAMAccountName {sam}; optional attributes: {written}{withMembers})");
        }
    }

    private static WritebackResult OuMissing(UpsertGroupCommand command, DistinguishedName targetOu) =>
        CommandResults.Failed(command, FailureReason.TargetOuMissing, $"Group {command.GroupId}: target OU '{targetOu}' does not exist.", targetOu.ToString());

    private static WritebackResult Update(WritebackContext context, UpsertGroupCommand command, WritebackAnchor anchor, GroupEntry existing, DesiredGroup desired, string rdn, DistinguishedName targetOu, string desiredDn)
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
                context.Memory.Located(anchor, desiredDn);
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
}
