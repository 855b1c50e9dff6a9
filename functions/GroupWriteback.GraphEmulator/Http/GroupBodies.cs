using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>Maps the bodies of <c>POST /groups</c> and <c>PATCH /groups/{id}</c> to the model.</summary>
internal static class GroupBodies
{
    public static GroupDraft ToDraft(JsonObject body, bool hasWritebackConfiguration) =>
        new()
        {
            Id = RequestBody.String(body, "id"),
            DisplayName = RequestBody.RequiredString(body, "displayName"),
            MailNickname = RequestBody.RequiredString(body, "mailNickname"),
            MailEnabled = RequestBody.Bool(body, "mailEnabled") ?? throw Missing("mailEnabled"),
            SecurityEnabled = RequestBody.Bool(body, "securityEnabled") ?? throw Missing("securityEnabled"),
            Description = RequestBody.String(body, "description"),
            Mail = RequestBody.String(body, "mail"),
            GroupTypes = RequestBody.Strings(body, "groupTypes") ?? [],
            ProxyAddresses = RequestBody.Strings(body, "proxyAddresses") ?? [],
            Visibility = RequestBody.String(body, "visibility"),
            WritebackConfiguration = Writeback(body, hasWritebackConfiguration),
            Members = MemberBinds(body),
        };

    public static GroupUpdate ToUpdate(JsonObject body, bool hasWritebackConfiguration) =>
        new()
        {
            DisplayName = RequestBody.String(body, "displayName"),
            Description = RequestBody.String(body, "description"),
            Mail = RequestBody.String(body, "mail"),
            MailNickname = RequestBody.String(body, "mailNickname"),
            MailEnabled = RequestBody.Bool(body, "mailEnabled"),
            SecurityEnabled = RequestBody.Bool(body, "securityEnabled"),
            ProxyAddresses = RequestBody.Strings(body, "proxyAddresses"),
            Visibility = RequestBody.String(body, "visibility"),
            WritebackConfiguration = Writeback(body, hasWritebackConfiguration),
        };

    /// <summary>The id at the end of an <c>@odata.id</c> reference such as <c>https://graph.microsoft.com/v1.0/directoryObjects/{id}</c>.</summary>
    public static string ReferencedId(string reference)
    {
        var trimmed = reference.TrimEnd('/');
        var id = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return id.Length > 0 ? id : throw new InvalidRequestException($"Invalid object reference '{reference}'.");
    }

    private static WritebackConfiguration? Writeback(JsonObject body, bool hasWritebackConfiguration)
    {
        if (!hasWritebackConfiguration && body.ContainsKey("writebackConfiguration"))
        {
            throw new InvalidRequestException("Property 'writebackConfiguration' does not exist as a declared property or extension property.");
        }

        return RequestBody.Read(body, "writebackConfiguration", node => new WritebackConfiguration(
            node["isEnabled"]?.GetValue<bool>() ?? false,
            node["onPremisesGroupType"]?.GetValue<string>()));
    }

    // Graph accepts initial members on create as "members@odata.bind": [".../directoryObjects/{id}"].
    private static List<string> MemberBinds(JsonObject body) =>
        RequestBody.Strings(body, "members@odata.bind")?.Select(ReferencedId).ToList() ?? [];

    private static InvalidRequestException Missing(string name) =>
        new($"A value is required for property '{name}' of resource 'Group'.");
}
