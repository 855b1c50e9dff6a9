using System.Globalization;
using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;

namespace GroupWriteback.GraphEmulator.Serialization;

/// <summary>Graph v1.0 JSON for users and groups, honouring <c>$select</c> and the default property sets.</summary>
internal static class GraphJson
{
    public const string UserType = "#microsoft.graph.user";
    public const string GroupType = "#microsoft.graph.group";
    public const string DeviceType = "#microsoft.graph.device";

    public static JsonObject Group(EmulatedGroup group, PropertySelection select) => Group(group, select, new JsonObject());

    public static JsonObject User(EmulatedUser user, PropertySelection select) => User(user, select, new JsonObject());

    /// <summary>A member or memberOf entry: the object's JSON led by its <c>@odata.type</c>; null when it is gone.</summary>
    public static JsonObject? DirectoryObject(EmulatedTenant tenant, DirectoryObjectRef reference, PropertySelection select)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(reference);
        var typed = new JsonObject { ["@odata.type"] = TypeName(reference.Kind) };
        return reference.Kind switch
        {
            DirectoryObjectKind.User => tenant.FindUser(reference.Id) is { } user ? User(user, select, typed) : null,
            DirectoryObjectKind.Device => tenant.FindDevice(reference.Id) is { } device ? Device(device, select, typed) : null,
            _ => tenant.FindGroup(reference.Id) is { } group ? Group(group, select, typed) : null,
        };
    }

    private static JsonObject Group(EmulatedGroup group, PropertySelection select, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(select);
        Add(json, select, "id", group.Id);
        Add(json, select, "createdDateTime", Timestamp(group.CreatedDateTime));
        Add(json, select, "description", group.Description);
        Add(json, select, "displayName", group.DisplayName);
        Add(json, select, "groupTypes", Strings(group.GroupTypes));
        Add(json, select, "mail", group.Mail);
        Add(json, select, "mailEnabled", group.MailEnabled);
        Add(json, select, "mailNickname", group.MailNickname);
        Add(json, select, "onPremisesSecurityIdentifier", group.OnPremisesSecurityIdentifier);
        Add(json, select, "onPremisesSyncEnabled", group.OnPremisesSyncEnabled);
        Add(json, select, "proxyAddresses", Strings(group.ProxyAddresses));
        Add(json, select, "securityEnabled", group.SecurityEnabled);
        Add(json, select, "visibility", group.Visibility);

        // Not part of the default set: Graph returns it only when selected.
        Add(json, select, "writebackConfiguration", Writeback(group.WritebackConfiguration), inDefaultSet: false);
        return json;
    }

    private static JsonObject User(EmulatedUser user, PropertySelection select, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(select);
        Add(json, select, "id", user.Id);
        Add(json, select, "displayName", user.DisplayName);
        Add(json, select, "mail", user.Mail);
        Add(json, select, "userPrincipalName", user.UserPrincipalName);
        Add(json, select, "onPremisesSecurityIdentifier", user.OnPremisesSecurityIdentifier, inDefaultSet: false);
        Add(json, select, "onPremisesImmutableId", user.OnPremisesImmutableId, inDefaultSet: false);
        Add(json, select, "onPremisesSyncEnabled", user.OnPremisesSyncEnabled, inDefaultSet: false);
        return json;
    }

    public static string TypeName(DirectoryObjectKind kind) => kind switch
    {
        DirectoryObjectKind.User => UserType,
        DirectoryObjectKind.Device => DeviceType,
        _ => GroupType,
    };

    public static JsonObject Device(EmulatedDevice device, PropertySelection select) => Device(device, select, new JsonObject());

    private static JsonObject Device(EmulatedDevice device, PropertySelection select, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(select);
        Add(json, select, "id", device.Id);
        Add(json, select, "displayName", device.DisplayName);
        return json;
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static JsonObject? Writeback(WritebackConfiguration? configuration) =>
        configuration is null
            ? null
            : new JsonObject
            {
                ["isEnabled"] = configuration.IsEnabled,
                ["onPremisesGroupType"] = configuration.OnPremisesGroupType,
            };

    private static void Add(JsonObject json, PropertySelection select, string name, JsonNode? value, bool inDefaultSet = true)
    {
        if (select.Includes(name, inDefaultSet))
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, PropertySelection select, string name, string? value, bool inDefaultSet = true) =>
        Add(json, select, name, value is null ? null : JsonValue.Create(value), inDefaultSet);

    private static void Add(JsonObject json, PropertySelection select, string name, bool? value, bool inDefaultSet = true) =>
        Add(json, select, name, value is null ? null : JsonValue.Create(value.Value), inDefaultSet);
}
