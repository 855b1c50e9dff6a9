using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// Who a caller that presents only the host's key is (section "AdminAuth"): the name recorded for what it does (an
/// approval, a log line) and the roles it gets. The default grants all three roles, so automation that worked with
/// a key keeps working; narrow <see cref="KeyRoles"/> to make Entra sign-in the only way to the other roles.
/// </summary>
public sealed class KeyCallerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "AdminAuth";

    /// <summary>The value of <see cref="KeyRoles"/> that grants key callers no role.</summary>
    public const string NoRoles = "none";

    /// <summary>The name of key callers, e.g. "local administrator (key)" or "automation (function key)".</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(128)]
    public string KeyName { get; set; } = "administrator (key)";

    /// <summary>
    /// The roles of key callers, comma-separated (e.g. <c>Writeback.Read</c>); <see cref="NoRoles"/> or an empty value
    /// grants none, so a key alone then only reaches <c>GET /api/me</c>. A string rather than a list: the
    /// configuration binder appends a bound list to a default one instead of replacing it.
    /// </summary>
    public string? KeyRoles { get; set; } = string.Join(',', AdminRoles.All);

    /// <summary>The roles of <see cref="KeyRoles"/>, split and trimmed.</summary>
    public IReadOnlyList<string> EffectiveKeyRoles =>
        string.IsNullOrWhiteSpace(KeyRoles) || string.Equals(KeyRoles.Trim(), NoRoles, StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. KeyRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The principal of a caller that presented the key.</summary>
    public AdminPrincipal KeyPrincipal() => new("key:" + KeyName, KeyName, EffectiveKeyRoles, AdminAuthentication.Key);
}
