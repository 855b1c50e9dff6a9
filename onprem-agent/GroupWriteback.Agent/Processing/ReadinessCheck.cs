using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// What <c>check</c> verifies before an administrator lets the agent run: it can bind, which
/// optional attributes the schema has, every target OU exists, and it can create and delete a
/// group in each of them.
/// </summary>
internal sealed class ReadinessCheck
{
    private readonly WritebackContextFactory _contexts;

    /// <summary>Creates the check.</summary>
    public ReadinessCheck(WritebackContextFactory contexts) => _contexts = contexts;

    /// <summary>Runs every item; a directory problem is reported as a failed item, never thrown.</summary>
    public IReadOnlyList<CheckItem> Run()
    {
        WritebackContext context;
        try
        {
            context = _contexts.Open();
        }
        catch (Exception ex) when (ex is DirectoryUnavailableException or DirectoryWriteException)
        {
            return [new CheckItem("bind", false, ex.Message)];
        }

        using var directory = context.Directory;
        var items = new List<CheckItem> { new("bind", true, $"bound; domain {directory.DomainDn}"), Schema(context.Schema) };
        foreach (var ou in context.Scope.TargetOus.Select(o => o.ToString()))
        {
            var exists = directory.Read(ou, "objectClass") is not null;
            items.Add(new CheckItem($"OU {ou}", exists, exists ? "exists" : "does not exist"));
            if (exists)
            {
                items.Add(ReadinessProbe.Run(context, ou));
            }
        }

        return items;
    }

    private static CheckItem Schema(SchemaCapabilities schema)
    {
        var optional = SchemaCapabilities.ExchangeAttributes.Append(WritebackAnchor.ExternalDirectoryObjectId).ToList();
        var present = optional.Where(schema.Has).ToList();
        var absent = optional.Except(present).ToList();
        var detail = (present.Count == 0 ? "no optional attributes" : "present, written: " + string.Join(", ", present)) +
            (absent.Count == 0 ? string.Empty : "; absent, skipped: " + string.Join(", ", absent));
        return new CheckItem("schema", true, detail);
    }
}
