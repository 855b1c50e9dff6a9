using GroupWriteback.Cloud.Graph;
using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>Cloud groups for tests; the tenant assigns the id.</summary>
internal static class TestGroups
{
    public static CloudGroup Security(string displayName) => new()
    {
        Id = string.Empty,
        DisplayName = displayName,
        SecurityEnabled = true,
    };

    public static CloudGroup Microsoft365(string displayName, string alias) => new()
    {
        Id = string.Empty,
        DisplayName = displayName,
        IsMicrosoft365 = true,
        MailEnabled = true,
        Mail = $"{alias}@corp.test",
        MailNickname = alias,
        ProxyAddresses = [$"SMTP:{alias}@corp.test"],
    };

    /// <summary>Writeback turned on at the group with the given type, as <c>writebackConfiguration</c> carries both.</summary>
    public static CloudGroup WithType(this CloudGroup group, OnPremisesGroupType type) => group with { WritebackEnabled = true, WritebackGroupType = type };
}
