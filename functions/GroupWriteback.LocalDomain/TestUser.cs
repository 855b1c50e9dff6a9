namespace GroupWriteback.LocalDomain;

/// <summary>
/// A user on the test DC. <see cref="Password"/> is set only for accounts created to bind as
/// (see <see cref="TestDomain.CreateAccount"/>); bulk users are disabled and have none.
/// </summary>
public sealed record TestUser(string Dn, string Sid, Guid ObjectGuid, string SamAccountName)
{
    /// <summary>The password, for accounts that can bind.</summary>
    public string? Password { get; init; }
}
