using System.Text.Json;

namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Loads a tenant from its JSON file. A group's <c>members</c> entries name a user by id or
/// userPrincipalName, or a group by id or mailNickname, so hand-written files need no GUIDs.
/// </summary>
public static class TenantFile
{
    public static EmulatedTenant Load(string path, TimeProvider? timeProvider = null)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, timeProvider, path);
    }

    public static EmulatedTenant Parse(Stream json, TimeProvider? timeProvider = null, string source = "tenant file") =>
        Build(ReadDocument(json, source), timeProvider, source);

    /// <summary>Reads a tenant file without building the tenant, e.g. to reset an existing one.</summary>
    public static TenantFileDocument ReadDocument(Stream json, string source = "tenant file")
    {
        try
        {
            return JsonSerializer.Deserialize(json, TenantFileJsonContext.Default.TenantFileDocument)
                ?? throw new InvalidDataException($"{source}: empty tenant file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid tenant file at {ex.Path} (line {ex.LineNumber}): {ex.Message}", ex);
        }
    }

    /// <summary>Writes a tenant file; <see cref="Load"/> reads it back to the same tenant.</summary>
    public static Task WriteAsync(TenantFileDocument document, Stream destination, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(destination, document, TenantFileJsonContext.Default.TenantFileDocument, ct);

    internal static EmulatedTenant Build(TenantFileDocument document, TimeProvider? timeProvider, string source)
    {
        var tenant = new EmulatedTenant(document.TenantId, timeProvider);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in document.Users ?? [])
        {
            var id = tenant.AddUser(user);
            aliases[id] = id;
            aliases[user.UserPrincipalName] = id;
        }

        // Groups are created before any membership so that a group may name a group defined after it.
        var created = new List<(string Id, GroupDraft Draft)>();
        foreach (var group in (document.Groups ?? []).Select(WithEmptyLists))
        {
            var id = tenant.CreateGroup(group with { Members = [] });
            aliases[id] = id;
            aliases[tenant.FindGroup(id)!.MailNickname] = id;
            created.Add((id, group));
        }

        foreach (var (groupId, draft) in created)
        {
            foreach (var member in draft.Members)
            {
                var memberId = aliases.GetValueOrDefault(member)
                    ?? throw new InvalidDataException($"{source}: group '{draft.DisplayName}' names unknown member '{member}'.");
                tenant.AddMember(groupId, memberId);
            }
        }

        return tenant;
    }

    // The JSON source generator sets init-only collections that a file leaves out to null, not to their initializer.
    private static GroupDraft WithEmptyLists(GroupDraft group) =>
        group with { GroupTypes = group.GroupTypes ?? [], ProxyAddresses = group.ProxyAddresses ?? [], Members = group.Members ?? [] };
}
