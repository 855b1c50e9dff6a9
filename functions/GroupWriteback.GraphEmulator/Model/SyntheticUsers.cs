namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Numbered users synced from AD, for seeding tenants of any size in tests and demos. User <c>n</c> has the id
/// <see cref="Id"/>(n), the SID <see cref="Sid"/>(n), and an immutable id that is the base64 of its objectGUID
/// <see cref="ObjectGuid"/>(n), which is Entra Connect's default source anchor.
/// </summary>
internal static class SyntheticUsers
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    /// <summary>A tenant holding users 1 to <paramref name="count"/>.</summary>
    public static EmulatedTenant Tenant(int count, TimeProvider? time = null)
    {
        var tenant = new EmulatedTenant(TenantId, time);
        for (var number = 1; number <= count; number++)
        {
            tenant.AddUser(Draft(number));
        }

        return tenant;
    }

    public static UserDraft Draft(int number) => new()
    {
        Id = Id(number),
        DisplayName = $"User {number}",
        UserPrincipalName = $"user{number}@corp.test",
        OnPremisesSecurityIdentifier = Sid(number),
        OnPremisesImmutableId = Convert.ToBase64String(ObjectGuid(number).ToByteArray()),
        OnPremisesSyncEnabled = true,
    };

    public static string Id(int number) => $"00000000-0000-0000-0000-{number:D12}";

    /// <summary>Ids of users <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<string> Ids(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(Id)];

    public static string Sid(int number) => $"S-1-5-21-1-2-3-{1000 + number}";

    public static Guid ObjectGuid(int number) => Guid.Parse(Id(number));
}
