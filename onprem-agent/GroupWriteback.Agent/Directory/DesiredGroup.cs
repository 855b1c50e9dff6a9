using System.Globalization;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// What a group must look like, attribute by attribute. A null entry is not managed; an empty
/// array means "must be absent". Optional attributes appear only where the schema has them.
/// </summary>
internal sealed class DesiredGroup
{
    private const int DistributionUniversal = 0x8;
    private const int SecurityEnabled = unchecked((int)0x80000000);
    private const string GroupMailboxTypeDetails = "2199023255552";
    private const string DistributionGroupDisplayType = "1";
    private const string SecurityDistributionGroupDisplayType = "1073741833";
    private const string MailUniversalSecurityGroupTypeDetails = "1024";

    // The schema's rangeUpper of displayName and description: longer values are refused with
    // invalidAttributeSyntax, so they are cut (Entra allows 256 for displayName anyway).
    private const int MaxDisplayName = 256;
    private const int MaxDescription = 1024;

    private DesiredGroup(IReadOnlyDictionary<string, string[]> attributes) => Attributes = attributes;

    /// <summary>Managed attributes and their desired values.</summary>
    public IReadOnlyDictionary<string, string[]> Attributes { get; }

    /// <summary>Builds the desired attributes for an upsert command.</summary>
    public static DesiredGroup For(UpsertGroupCommand command, WritebackAnchor anchor, SchemaCapabilities schema)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(schema);
        var a = command.Attributes;
        var mailEnabled = command.GroupType != OnPremisesGroupType.UniversalSecurityGroup;
        var values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["groupType"] = [GroupTypeValue(command.GroupType)],
            [WritebackAnchor.AdminDescription] = [anchor.Value],
            ["displayName"] = Single(GroupNaming.Truncate(GroupNaming.DisplayName(anchor, a.DisplayName), MaxDisplayName).TrimEnd()),
        };
        if (schema.HasExternalDirectoryObjectId)
        {
            values[WritebackAnchor.ExternalDirectoryObjectId] = [anchor.Value];
        }

        AddIfManaged(values, "description", a.Description is null ? null : Single(GroupNaming.Truncate(GroupNaming.CleanText(a.Description), MaxDescription).TrimEnd()));
        AddIfManaged(values, "mail", !mailEnabled ? [] : a.Mail is null ? null : Single(a.Mail));
        AddIfManaged(values, "proxyAddresses", !mailEnabled ? [] : a.ProxyAddresses?.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray());
        AddExchange(values, schema, "mailNickname", !mailEnabled ? [] : a.MailNickname is null ? null : Single(a.MailNickname));
        AddExchange(values, schema, "msExchHideFromAddressLists", !mailEnabled ? [] : Bool(a.HideFromAddressLists));
        AddExchange(values, schema, "msExchRequireAuthToSendTo", !mailEnabled ? [] : Bool(a.RequireSenderAuthentication));
        var (displayType, typeDetails) = command.GroupType switch
        {
            OnPremisesGroupType.UniversalSecurityGroup => (Array.Empty<string>(), Array.Empty<string>()),
            OnPremisesGroupType.UniversalMailEnabledSecurityGroup => ([SecurityDistributionGroupDisplayType], [MailUniversalSecurityGroupTypeDetails]),
            _ when command.CloudKind == CloudGroupKind.Microsoft365 => ([DistributionGroupDisplayType], [GroupMailboxTypeDetails]),
            _ => (new[] { DistributionGroupDisplayType }, Array.Empty<string>()),
        };
        AddExchange(values, schema, "msExchRecipientDisplayType", displayType);
        AddExchange(values, schema, "msExchRecipientTypeDetails", typeDetails);
        return new DesiredGroup(values);
    }

    /// <summary>The groupType integer AD stores for a type.</summary>
    public static string GroupTypeValue(OnPremisesGroupType type) =>
        (type == OnPremisesGroupType.UniversalDistributionGroup ? DistributionUniversal : DistributionUniversal | SecurityEnabled)
            .ToString(CultureInfo.InvariantCulture);

    /// <summary>Attributes for creating the object (absent ones left out).</summary>
    public IEnumerable<(string Name, string[] Values)> ForCreate() =>
        Attributes.Where(kv => kv.Value.Length > 0).Select(kv => (kv.Key, kv.Value));

    private static string[] Single(string value) => value.Length == 0 ? [] : [value];

    private static string[]? Bool(bool? value) => value switch
    {
        null => null,
        true => ["TRUE"],
        false => ["FALSE"],
    };

    private static void AddIfManaged(Dictionary<string, string[]> values, string name, string[]? desired)
    {
        if (desired is not null)
        {
            values[name] = desired;
        }
    }

    private static void AddExchange(Dictionary<string, string[]> values, SchemaCapabilities schema, string name, string[]? desired)
    {
        if (schema.Has(name))
        {
            AddIfManaged(values, name, desired);
        }
    }
}
