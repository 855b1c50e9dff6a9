using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>AD compared with the tenant, object by object and member by member.</summary>
/// <param name="Missing">Groups of the tenant with no object carrying their anchor.</param>
/// <param name="Duplicates">Anchors carried by more than one object.</param>
/// <param name="WrongMembers">Groups whose member DNs differ from the tenant's members.</param>
/// <param name="WrongNames">Groups whose displayName differs from the tenant's.</param>
/// <param name="OutsideOu">Objects carrying a run's anchor anywhere but directly in the groups OU.</param>
/// <param name="Extra">Objects in the groups OU carrying an anchor the tenant does not have.</param>
/// <param name="Examples">A few of the differences, each naming the group and what differs.</param>
internal sealed record Convergence(int Missing, int Duplicates, int WrongMembers, int WrongNames, int OutsideOu, int Extra, IReadOnlyList<string> Examples)
{
    /// <summary>Every difference counted.</summary>
    public int Differences => Missing + Duplicates + WrongMembers + WrongNames + OutsideOu + Extra;

    /// <summary>Whether AD equals the tenant.</summary>
    public bool Converged => Differences == 0;

    /// <summary>Reads both sides and compares them.</summary>
    public static Convergence Compare(TestDomain domain, string groupsOu, TenantFileDocument tenant, IReadOnlyDictionary<string, string> userDns)
    {
        var anchored = DirectoryGroup.Anchored(domain, domain.DomainDn).Where(g => ChaosTenant.IsChaosAnchor(g.Anchor)).ToList();
        var byAnchor = anchored.ToLookup(g => g.Anchor, StringComparer.OrdinalIgnoreCase);
        var inOu = anchored.Where(g => IsChildOf(g.Dn, groupsOu)).ToList();
        int missing = 0, wrongMembers = 0, wrongNames = 0;
        var examples = new List<string>();
        foreach (var group in tenant.Groups)
        {
            var found = byAnchor["Group_" + group.Id].ToList();
            if (found.Count == 0)
            {
                missing++;
                Note(examples, $"{group.Id}: not in AD");
                continue;
            }

            var expected = group.Members.Select(id => userDns[id]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!found[0].Members.SetEquals(expected))
            {
                wrongMembers++;
                var extra = found[0].Members.Except(expected, StringComparer.OrdinalIgnoreCase).Count();
                var lacking = expected.Except(found[0].Members, StringComparer.OrdinalIgnoreCase).Count();
                Note(examples, $"{group.Id}: {found[0].Members.Count} members in AD, {expected.Count} in the tenant ({extra} extra, {lacking} lacking)");
            }

            wrongNames += string.Equals(found[0].DisplayName, group.DisplayName, StringComparison.Ordinal) ? 0 : 1;
        }

        var wanted = tenant.Groups.Select(g => "Group_" + g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Convergence(
            missing,
            byAnchor.Count(a => a.Count() > 1),
            wrongMembers,
            wrongNames,
            anchored.Count - inOu.Count,
            inOu.Count(g => !wanted.Contains(g.Anchor)),
            examples);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"missing {Missing}, duplicate anchors {Duplicates}, wrong member sets {WrongMembers}, wrong names {WrongNames}, outside the OU {OutsideOu}, extra {Extra}";

    private static void Note(List<string> examples, string text)
    {
        if (examples.Count < 5)
        {
            examples.Add(text);
        }
    }

    // A direct child: the DN is "<one RDN>,<ou>" and the RDN holds no unescaped comma.
    private static bool IsChildOf(string dn, string ou)
    {
        var suffix = "," + ou;
        if (!dn.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rdn = dn[..^suffix.Length];
        for (var i = 0; i < rdn.Length; i++)
        {
            if (rdn[i] == '\\')
            {
                i++;
            }
            else if (rdn[i] == ',')
            {
                return false;
            }
        }

        return true;
    }
}
