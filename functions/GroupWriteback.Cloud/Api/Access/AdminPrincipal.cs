namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Who calls the admin API, as the host authenticated them: a stable id (the Entra object id, or the key's name), a
/// name for people (what approvals and logs record), the app roles held and how the caller signed in.
/// </summary>
public sealed record AdminPrincipal
{
    /// <summary>Creates a principal; roles outside <see cref="AdminRoles.All"/> are dropped.</summary>
    public AdminPrincipal(string id, string name, IEnumerable<string> roles, AdminAuthentication authentication)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(roles);
        Id = id;
        Name = name;
        var held = roles.ToHashSet(StringComparer.Ordinal);
        Roles = [.. AdminRoles.All.Where(held.Contains)];
        Authentication = authentication;
    }

    /// <summary>The Entra object id (<c>oid</c>) of the user or application, or <c>key:&lt;name&gt;</c> for a key.</summary>
    public string Id { get; }

    /// <summary>The sign-in name (UPN), display name, or the configured name of key callers.</summary>
    public string Name { get; }

    /// <summary>The admin API roles held, in the order of <see cref="AdminRoles.All"/>.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>How the caller authenticated.</summary>
    public AdminAuthentication Authentication { get; }

    /// <summary>True when the principal holds <paramref name="role"/>.</summary>
    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>"name (id)" for errors and logs; the id alone when it equals the name.</summary>
    public string Describe() => string.Equals(Id, Name, StringComparison.Ordinal) ? Name : $"{Name} ({Id})";
}
