using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Creates and deletes a probe group in a target OU with the agent's own bind, proving the
/// rights the writer needs. The probe carries an anchor (of a random id, so no real group can
/// match it), which marks it as the agent's if it is ever left behind, and is deleted whatever
/// happens after it was created.
/// </summary>
internal static class ReadinessProbe
{
    public static CheckItem Run(WritebackContext context, string ou)
    {
        var name = "GroupWriteback-probe-" + Guid.NewGuid().ToString("N")[..12];
        var dn = DistinguishedName.Child("CN", name, ou);
        var item = $"create/delete in {ou}";
        if (!WritebackAnchor.TryCreate(Guid.NewGuid().ToString(), out var anchor))
        {
            throw new InvalidOperationException("A new GUID is always a valid anchor.");
        }

        try
        {
            context.Directory.Add(dn, [
                new("objectClass", "top", "group"),
                new("sAMAccountName", name),
                new(WritebackAnchor.AdminDescription, anchor.Value),
                new("description", "GroupWriteback agent readiness probe; deleted right away"),
            ]);
        }
        catch (DirectoryWriteException ex)
        {
            return new CheckItem(item, false, $"cannot create a group: {ex.Message} (run 'grant --account <this agent's account> --ou \"{ou}\"')");
        }

        string? deleteFailure;
        string writable;
        try
        {
            writable = WritableOptionalAttributes(context, dn);
        }
        finally
        {
            // Runs also when reading the probe back failed: the probe never outlives the check.
            deleteFailure = TryDelete(context, dn);
        }

        return deleteFailure is null
            ? new CheckItem(item, true, $"probe group created and deleted; optional attributes writable here: {writable}")
            : new CheckItem(item, false, deleteFailure);
    }

    private static string WritableOptionalAttributes(WritebackContext context, string dn)
    {
        try
        {
            var probe = context.Directory.Read(dn, SchemaCapabilities.AllowedAttributesEffective);
            var optional = probe is null ? context.Schema : context.Schema.WritableOn(GroupEntry.From(probe));
            return optional.GroupAttributes.Count == 0 ? "none" : string.Join(", ", optional.GroupAttributes.Order(StringComparer.OrdinalIgnoreCase));
        }
        catch (DirectoryWriteException ex)
        {
            return $"unknown ({ex.Message})";
        }
    }

    private static string? TryDelete(WritebackContext context, string dn)
    {
        try
        {
            context.Directory.Delete(dn);
            return null;
        }
        catch (DirectoryWriteException ex)
        {
            return $"created the probe group but cannot delete it: {ex.Message}; delete '{dn}' by hand";
        }
    }
}
