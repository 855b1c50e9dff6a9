using System.Text.Json;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.Cloud.Tests.Emulation;

/// <summary>
/// Translates the cloud's <see cref="CloudGroup"/> into what the Graph emulator's tenant takes: a <see cref="GroupDraft"/>
/// to create the group, a <see cref="GroupUpdate"/> for the difference between two versions of it. What the emulator
/// cannot express (clearing a property, turning a group into another kind) is refused rather than dropped.
/// </summary>
internal static class CloudGroupDrafts
{
    public static GroupDraft ToDraft(CloudGroup group, IEnumerable<string>? memberIds)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupDraft
        {
            Id = string.IsNullOrEmpty(group.Id) ? null : group.Id,
            DisplayName = group.DisplayName,
            Description = group.Description,
            Mail = group.Mail,
            MailNickname = group.MailNickname,
            GroupTypes = group.IsMicrosoft365 ? [GroupTypeNames.Unified] : [],
            MailEnabled = group.MailEnabled,
            SecurityEnabled = group.SecurityEnabled,
            ProxyAddresses = [.. group.ProxyAddresses],
            OnPremisesSyncEnabled = group.OnPremisesSyncEnabled ? true : null,
            WritebackConfiguration = WritebackOf(group),
            Members = [.. memberIds ?? []],
        };
    }

    /// <summary>The properties that differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static GroupUpdate ToUpdate(CloudGroup before, CloudGroup after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.IsMicrosoft365 != after.IsMicrosoft365 || before.OnPremisesSyncEnabled != after.OnPremisesSyncEnabled)
        {
            throw new NotSupportedException($"Group {before.Id}: Graph does not change a group's kind or sync source by an update.");
        }

        return new GroupUpdate
        {
            DisplayName = Changed(before.DisplayName, after.DisplayName, nameof(CloudGroup.DisplayName)),
            Description = Changed(before.Description, after.Description, nameof(CloudGroup.Description)),
            Mail = Changed(before.Mail, after.Mail, nameof(CloudGroup.Mail)),
            MailNickname = Changed(before.MailNickname, after.MailNickname, nameof(CloudGroup.MailNickname)),
            MailEnabled = before.MailEnabled == after.MailEnabled ? null : after.MailEnabled,
            SecurityEnabled = before.SecurityEnabled == after.SecurityEnabled ? null : after.SecurityEnabled,
            ProxyAddresses = before.ProxyAddresses.SequenceEqual(after.ProxyAddresses, StringComparer.Ordinal) ? null : [.. after.ProxyAddresses],
            WritebackConfiguration = (before.WritebackEnabled, before.WritebackGroupType) == (after.WritebackEnabled, after.WritebackGroupType)
                ? null
                : WritebackOf(after) ?? throw Unsupported(nameof(CloudGroup.WritebackEnabled)),
        };
    }

    /// <summary>
    /// Graph's <c>writebackConfiguration</c>: none while both settings are unset. The emulator always carries
    /// <c>isEnabled</c>, so a group type needs an explicit <see cref="CloudGroup.WritebackEnabled"/>.
    /// </summary>
    private static WritebackConfiguration? WritebackOf(CloudGroup group) => (group.WritebackEnabled, group.WritebackGroupType) switch
    {
        (null, null) => null,
        (null, { } type) => throw new NotSupportedException(
            $"Group {group.DisplayName}: writebackConfiguration with onPremisesGroupType {type} needs isEnabled set in the emulator."),
        ({ } enabled, var type) => new WritebackConfiguration(enabled, type is { } t ? GraphName(t) : null),
    };

    /// <summary>Graph's spelling of the type: <c>universalSecurityGroup</c>.</summary>
    private static string GraphName(OnPremisesGroupType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static string? Changed(string? before, string? after, string property) =>
        string.Equals(before, after, StringComparison.Ordinal) ? null : after ?? throw Unsupported(property);

    private static NotSupportedException Unsupported(string property) =>
        new($"The emulator's group update cannot clear {property}; null there means unchanged.");
}
