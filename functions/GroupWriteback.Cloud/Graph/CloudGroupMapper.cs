using GroupWriteback.Contracts;
using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Maps the SDK's <see cref="Group"/> to <see cref="CloudGroup"/>.</summary>
internal static class CloudGroupMapper
{
    private const string WritebackConfiguration = "writebackConfiguration";

    public static CloudGroup Map(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var writeback = AdditionalDataReader.Object(group.AdditionalData, WritebackConfiguration);
        return new CloudGroup
        {
            Id = group.Id ?? throw new ArgumentException("Graph returned a group without an id.", nameof(group)),
            DisplayName = group.DisplayName ?? string.Empty,
            Description = group.Description,
            Mail = group.Mail,
            MailNickname = group.MailNickname,
            ProxyAddresses = group.ProxyAddresses?.Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).ToArray() ?? [],
            IsMicrosoft365 = group.GroupTypes?.Any(t => string.Equals(t, "Unified", StringComparison.OrdinalIgnoreCase)) ?? false,
            SecurityEnabled = group.SecurityEnabled ?? false,
            MailEnabled = group.MailEnabled ?? false,
            OnPremisesSyncEnabled = group.OnPremisesSyncEnabled ?? false,
            WritebackEnabled = writeback is null ? null : AdditionalDataReader.Boolean(writeback, "isEnabled"),
            WritebackGroupType = writeback is null ? null : ParseGroupType(AdditionalDataReader.String(writeback, "onPremisesGroupType")),
        };
    }

    /// <summary>Graph spells the values in camelCase (<c>universalSecurityGroup</c>); unknown values count as unset.</summary>
    public static OnPremisesGroupType? ParseGroupType(string? value) =>
        Enum.TryParse<OnPremisesGroupType>(value, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(value, out _)
            ? type
            : null;
}
