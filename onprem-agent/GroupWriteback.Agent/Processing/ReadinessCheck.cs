using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// What <c>check</c> verifies before an administrator lets the agent run: it can bind, every
/// target OU exists, which optional attributes the schema has, and it can create and delete a
/// probe group in each OU (the probe carries no anchor and is removed at once).
/// </summary>
public sealed class ReadinessCheck
{
    private readonly WritebackContextFactory _contexts;

    /// <summary>Creates the check.</summary>
    public ReadinessCheck(WritebackContextFactory contexts) => _contexts = contexts;

    /// <summary>Runs every item; never throws for a directory problem, it reports it.</summary>
    public IReadOnlyList<CheckItem> Run()
    {
        var items = new List<CheckItem>();
        WritebackContext context;
        try
        {
            context = _contexts.Open();
        }
        catch (Exception ex) when (ex is DirectoryUnavailableException or DirectoryWriteException)
        {
            items.Add(new CheckItem("bind", false, ex.Message));
            return items;
        }

        using var directory = context.Directory;
        items.Add(new CheckItem("bind", true, $"bound; domain {directory.DomainDn}"));
        var optional = SchemaCapabilities.ExchangeAttributes.Append(WritebackAnchor.ExternalDirectoryObjectId);
        foreach (var attribute in optional)
        {
            items.Add(new CheckItem($"schema {attribute}", true, context.Schema.Has(attribute) ? "present: written" : "absent: skipped"));
        }

        foreach (var ou in context.Scope.TargetOus.Select(o => o.ToString()))
        {
            items.Add(Probe(directory, ou));
        }

        return items;
    }

    private static CheckItem Probe(DirectoryClient directory, string ou)
    {
        if (directory.Read(ou, "objectClass") is null)
        {
            return new CheckItem($"OU {ou}", false, "does not exist");
        }

        var name = "GroupWriteback-probe-" + Guid.NewGuid().ToString("N")[..12];
        var dn = DistinguishedName.Child("CN", name, ou);
        try
        {
            directory.Add(dn, [new("objectClass", "top", "group"), new("sAMAccountName", name)]);
            directory.Delete(dn);
            return new CheckItem($"OU {ou}", true, "exists; probe group created and deleted");
        }
        catch (DirectoryWriteException ex)
        {
            return new CheckItem($"OU {ou}", false, $"probe group failed: {ex.Message} (run 'grant' for the agent's account)");
        }
    }
}
