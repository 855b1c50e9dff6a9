using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Tests.Support;

/// <summary>Builds small tenants for tests; users get on-premises SIDs derived from their position.</summary>
internal static class TestTenant
{
    public static EmulatedTenant WithUsers(int count, TimeProvider? time = null)
    {
        var tenant = new EmulatedTenant("11111111-2222-3333-4444-555555555555", time);
        for (var i = 1; i <= count; i++)
        {
            tenant.AddUser(User(i));
        }

        return tenant;
    }

    public static UserDraft User(int number) => new()
    {
        Id = UserId(number),
        DisplayName = $"User {number}",
        UserPrincipalName = $"user{number}@corp.test",
        OnPremisesSecurityIdentifier = $"S-1-5-21-1-2-3-{1000 + number}",
        OnPremisesImmutableId = Convert.ToBase64String(Guid.Parse(UserId(number)).ToByteArray()),
        OnPremisesSyncEnabled = true,
    };

    public static string UserId(int number) => $"00000000-0000-0000-0000-{number:D12}";

    public static IReadOnlyList<string> UserIds(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(UserId)];
}
