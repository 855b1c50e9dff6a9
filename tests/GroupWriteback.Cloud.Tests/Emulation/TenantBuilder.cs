using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.Cloud.Tests.Emulation;

/// <summary>
/// Test tenants: user <c>n</c> has id <see cref="UserId"/>(n), an on-premises SID ending in <c>1000+n</c> and an
/// immutable id that is the base64 of its own id's GUID bytes (so it decodes to <see cref="UserGuid"/>(n)).
/// </summary>
public static class TenantBuilder
{
    public static EmulatedTenant WithUsers(int count, TimeProvider? time = null)
    {
        var tenant = new EmulatedTenant("11111111-2222-3333-4444-555555555555", time);
        for (var i = 1; i <= count; i++)
        {
            tenant.AddUser(new UserDraft
            {
                Id = UserId(i),
                DisplayName = $"User {i}",
                UserPrincipalName = $"user{i}@corp.test",
                OnPremisesSecurityIdentifier = Sid(i),
                OnPremisesImmutableId = Convert.ToBase64String(UserGuid(i).ToByteArray()),
                OnPremisesSyncEnabled = true,
            });
        }

        return tenant;
    }

    public static string UserId(int number) => $"00000000-0000-0000-0000-{number:D12}";

    public static Guid UserGuid(int number) => Guid.Parse(UserId(number));

    public static string Sid(int number) => $"S-1-5-21-1-2-3-{1000 + number}";

    public static IReadOnlyList<string> UserIds(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(UserId)];
}
