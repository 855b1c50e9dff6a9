using System.Security.Cryptography;
using System.Text;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>
/// The demo's Entra tenant: users synced from the demo's AD users (their SIDs and objectGUIDs), cloud-only users,
/// and 51 groups — Microsoft 365 and security groups, a nested pair, one of 5,000 members and a few hostile names.
/// Ids are derived from names, so every run describes the same objects and a re-run converges instead of duplicating.
/// </summary>
internal static class DemoTenant
{
    /// <summary>Members of the large group.</summary>
    public const int LargeGroupSize = 5000;

    /// <summary>On-premises users the tenant needs.</summary>
    public const int OnPremisesUsers = LargeGroupSize + 100;

    /// <summary>Users that exist only in the cloud (never written to AD).</summary>
    public const int CloudOnlyUsers = 20;

    private const string TenantId = "0d3f5a6e-7b8c-4d9e-8f10-111213141516";

    private static readonly string[] Teams =
    [
        "Apollo", "Borealis", "Cassini", "Dragonfly", "Europa", "Fermi", "Galileo", "Hubble", "Ion", "Juno", "Kepler",
        "Lumen", "Magellan", "Nova", "Orion", "Pioneer", "Quasar", "Rosetta", "Sirius", "Titan", "Ulysses",
    ];

    private static readonly string[] Departments =
    [
        "Finance", "Legal", "Marketing", "Sales", "Support", "Operations", "Facilities", "Procurement", "Security", "Research",
        "Design", "Training", "Logistics", "Quality", "Compliance", "Audit", "Payroll", "Recruiting", "Helpdesk", "Platform",
    ];

    /// <summary>Names that test escaping: every DN special character, edge spaces, a leading #, other scripts, emoji.</summary>
    public static IReadOnlyList<string> HostileNames { get; } =
    [
        "Sales, EMEA",
        "#Finance Leads",
        " Leading and trailing ",
        "R&D \"Labs\" <core>",
        "Ops; Team=Blue\\+Green",
        "Группа поддержки",
        "営業チーム 🚀",
    ];

    /// <summary>The group holding <see cref="LargeGroupSize"/> members.</summary>
    public static string LargeGroupId => GroupId("All Staff");

    /// <summary>The outer group of the nested pair.</summary>
    public static string NestedOuterId => GroupId("Engineering All");

    /// <summary>The inner group of the nested pair.</summary>
    public static string NestedInnerId => GroupId("Engineering Core");

    /// <summary>The tenant for <paramref name="onPremises"/> (at least <see cref="OnPremisesUsers"/> users).</summary>
    public static TenantFileDocument Build(IReadOnlyList<TestUser> onPremises)
    {
        ArgumentNullException.ThrowIfNull(onPremises);
        if (onPremises.Count < OnPremisesUsers)
        {
            throw new ArgumentException($"The demo tenant needs {OnPremisesUsers} on-premises users; got {onPremises.Count}.", nameof(onPremises));
        }

        var synced = onPremises.Take(OnPremisesUsers).Select((user, i) => SyncedUser(user, i)).ToList();
        var cloudOnly = Enumerable.Range(1, CloudOnlyUsers).Select(CloudOnlyUser).ToList();
        var ids = synced.Select(u => u.Id!).ToList();
        var cloudIds = cloudOnly.Select(u => u.Id!).ToList();

        var groups = new List<GroupDraft>();
        for (var i = 0; i < Teams.Length; i++)
        {
            var nickname = "team-" + Teams[i].ToLowerInvariant();
            groups.Add(GroupDraft.Microsoft365("Team " + Teams[i], nickname) with
            {
                Id = GroupId("Team " + Teams[i]),
                Description = $"Microsoft 365 group of project {Teams[i]}",
                Members = [.. Slice(ids, 100 + (i * 40), 8 + (i % 5) * 6), .. Slice(cloudIds, i, 2)],
            });
        }

        for (var i = 0; i < Departments.Length; i++)
        {
            groups.Add(Security(Departments[i], [.. Slice(ids, 1000 + (i * 60), 15 + (i % 4) * 10), .. Slice(cloudIds, i + 3, 1)]));
        }

        groups.Add(Security("Engineering Core", Slice(ids, 2500, 12)));
        groups.Add(Security("Engineering All", [NestedInnerId, .. Slice(ids, 2600, 8)]));
        groups.Add(Security("All Staff", Slice(ids, 0, LargeGroupSize)) with { Description = "Every employee: a group of 5,000 members" });
        groups.AddRange(HostileNames.Select((name, i) => Security(name, Slice(ids, 3000 + (i * 10), 5)) with { Id = GroupId(name) }));
        return new TenantFileDocument { TenantId = TenantId, Users = [.. synced, .. cloudOnly], Groups = groups };
    }

    /// <summary>The id a demo group of <paramref name="displayName"/> has in every run.</summary>
    public static string GroupId(string displayName) => StableId("group:" + displayName);

    private static GroupDraft Security(string name, IReadOnlyList<string> members) =>
        GroupDraft.Security(name) with { Id = GroupId(name), Description = $"Security group {name}", Members = members };

    /// <summary>The cloud id of the synced user that stands for <paramref name="user"/>.</summary>
    public static string UserId(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return StableId("user:" + user.SamAccountName);
    }

    private static UserDraft SyncedUser(TestUser user, int index) => new()
    {
        Id = UserId(user),
        DisplayName = $"Demo User {index:D4}",
        UserPrincipalName = $"{user.SamAccountName}@corp.test",
        OnPremisesSecurityIdentifier = user.Sid,
        OnPremisesImmutableId = Convert.ToBase64String(user.ObjectGuid.ToByteArray()),
        OnPremisesSyncEnabled = true,
    };

    private static UserDraft CloudOnlyUser(int number) => new()
    {
        Id = StableId($"cloud-user:{number}"),
        DisplayName = $"Cloud Guest {number:D2}",
        UserPrincipalName = $"cloud.guest{number:D2}@corp.test",
    };

    private static IReadOnlyList<string> Slice(List<string> ids, int start, int count) =>
        [.. ids.Skip(start % ids.Count).Take(count)];

    private static string StableId(string name) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("groupwriteback-demo/" + name)).AsSpan(0, 16)).ToString();
}
