using System.Collections.Concurrent;
using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// What the agent learned from the directory moments ago and need not ask again for every group: that a target OU
/// exists, which optional attributes the agent's account may write on groups in it (their
/// <c>allowedAttributesEffective</c>, probed on the first group created there), and where it just found or created a
/// group. Every entry expires; none is trusted blindly: a remembered group is read back and its anchor checked
/// before it is used, and a write that the directory refuses (OU gone, name taken) is answered as before.
/// </summary>
internal sealed class DirectoryMemory
{
    /// <summary>How long an OU's existence and its groups' writable attributes are remembered (an ACL change waits this long).</summary>
    public static readonly TimeSpan OuLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a located group is remembered: long enough for the rest of its pass (the snapshot right after the upsert),
    /// short enough that the domain-wide anchor search, which also finds duplicates, runs for every new pass.
    /// </summary>
    public static readonly TimeSpan LocatedLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _ous = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Writable, long At)> _writable = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string Dn, long At)> _located = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty memory.</summary>
    public DirectoryMemory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>True when <paramref name="ou"/> was seen to exist within <see cref="OuLifetime"/>.</summary>
    public bool OuKnown(string ou) => _ous.TryGetValue(Key(ou), out var at) && Fresh(at, OuLifetime);

    /// <summary>Notes that <paramref name="ou"/> exists.</summary>
    public void OuSeen(string ou) => _ous[Key(ou)] = Now;

    /// <summary>Forgets an OU the directory said is gone.</summary>
    public void OuGone(string ou)
    {
        _ous.TryRemove(Key(ou), out _);
        _writable.TryRemove(Key(ou), out _);
    }

    /// <summary>
    /// The optional attributes of <paramref name="schema"/> the account may write on groups in <paramref name="ou"/>,
    /// or null when no group created there told yet.
    /// </summary>
    public SchemaCapabilities? WritableIn(string ou, SchemaCapabilities schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!_writable.TryGetValue(Key(ou), out var entry) || !Fresh(entry.At, OuLifetime))
        {
            return null;
        }

        // No list (a server that does not compute it) keeps the schema's view, as SchemaCapabilities.WritableOn does.
        return entry.Writable.Count == 0
            ? schema
            : new SchemaCapabilities(new HashSet<string>(schema.GroupAttributes.Where(entry.Writable.Contains), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Remembers the <c>allowedAttributesEffective</c> of a group just created in <paramref name="ou"/>.</summary>
    public void LearnWritable(string ou, IEnumerable<string> allowedAttributesEffective)
    {
        ArgumentNullException.ThrowIfNull(allowedAttributesEffective);
        _writable[Key(ou)] = (new HashSet<string>(allowedAttributesEffective, StringComparer.OrdinalIgnoreCase), Now);
    }

    /// <summary>Where the group carrying <paramref name="anchor"/> was found or created moments ago, or null.</summary>
    public string? LocatedDn(WritebackAnchor anchor) =>
        _located.TryGetValue(anchor.Value, out var entry) && Fresh(entry.At, LocatedLifetime) ? entry.Dn : null;

    /// <summary>Remembers where the group carrying <paramref name="anchor"/> is.</summary>
    public void Located(WritebackAnchor anchor, string dn) => _located[anchor.Value] = (dn, Now);

    /// <summary>Forgets a group (deleted, or not where it was remembered).</summary>
    public void Forget(WritebackAnchor anchor) => _located.TryRemove(anchor.Value, out _);

    /// <summary>The domain's own SID (read once; it never changes), or null before it was read.</summary>
    public string? DomainSid { get; set; }

    private long Now => _time.GetTimestamp();

    private bool Fresh(long at, TimeSpan lifetime) => _time.GetElapsedTime(at) < lifetime;

    private static string Key(string ou) => DistinguishedName.TryParse(ou, out var dn, out _) ? dn.ToString() : ou;
}
