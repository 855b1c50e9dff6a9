using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Planning;

/// <summary>Computes the desired on-premises group from a cloud group and the configuration. No I/O.</summary>
public sealed class WritebackPlanner(IOptions<WritebackScopeOptions> options)
{
    private readonly WritebackScopeOptions _options = options.Value;

    /// <summary>
    /// The on-premises type: the configured per-group override, else the group's
    /// writebackConfiguration.onPremisesGroupType, else universal distribution for Microsoft 365
    /// groups and universal security for security groups.
    /// </summary>
    public OnPremisesGroupType DesiredType(CloudGroup group, CloudGroupKind kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (_options.GroupTypeOverrides.TryGetValue(group.Id, out var overridden))
        {
            return overridden;
        }

        if (group.WritebackGroupType is { } fromCloud)
        {
            return fromCloud;
        }

        return kind == CloudGroupKind.Microsoft365
            ? OnPremisesGroupType.UniversalDistributionGroup
            : OnPremisesGroupType.UniversalSecurityGroup;
    }

    /// <summary>The OU the group belongs in: its mapping, else the default.</summary>
    public string TargetOu(string groupId) =>
        _options.TargetOuByGroup.TryGetValue(groupId, out var ou) ? ou : _options.DefaultTargetOu;

    /// <summary>The desired group as an upsert command.</summary>
    public UpsertGroupCommand DesiredGroup(CloudGroup group, CloudGroupKind kind, string commandId, string replyTo, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(group);
        var type = DesiredType(group, kind);
        var carriesMail = kind == CloudGroupKind.Microsoft365 || type == OnPremisesGroupType.UniversalMailEnabledSecurityGroup;
        return new UpsertGroupCommand
        {
            CommandId = commandId,
            GroupId = group.Id,
            ReplyTo = replyTo,
            IssuedAt = issuedAt,
            CloudKind = kind,
            GroupType = type,
            Naming = _options.Naming,
            TargetOu = TargetOu(group.Id),
            Attributes = new GroupAttributes
            {
                DisplayName = group.DisplayName,
                Description = group.Description ?? string.Empty,
                Mail = carriesMail ? group.Mail : null,
                MailNickname = carriesMail ? group.MailNickname : null,
                ProxyAddresses = carriesMail ? group.ProxyAddresses : null,
            },
        };
    }

    /// <summary>
    /// A fingerprint of what an upsert asks for, ignoring ids and times: when it equals the last
    /// applied one the upsert is left out of the pass.
    /// </summary>
    public static string IntentHash(UpsertGroupCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var a = command.Attributes;
        var text = string.Join(
            '\u001f',
            command.GroupId,
            command.CloudKind.ToString(),
            command.GroupType.ToString(),
            command.Naming.ToString(),
            command.TargetOu,
            a.DisplayName,
            a.Description ?? "\u0000",
            a.Mail ?? "\u0000",
            a.MailNickname ?? "\u0000",
            a.ProxyAddresses is null ? "\u0000" : string.Join('\u001e', a.ProxyAddresses),
            a.HideFromAddressLists?.ToString(CultureInfo.InvariantCulture) ?? "\u0000",
            a.RequireSenderAuthentication?.ToString(CultureInfo.InvariantCulture) ?? "\u0000");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
