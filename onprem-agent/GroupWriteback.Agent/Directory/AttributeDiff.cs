using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Directory;

/// <summary>The modifications that turn an entry's current values into the desired ones.</summary>
internal static class AttributeDiff
{
    /// <summary>Compares each managed attribute; values compare exactly (a case change is a change).</summary>
    public static IReadOnlyList<DirectoryAttributeModification> Compute(GroupEntry current, DesiredGroup desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var modifications = new List<DirectoryAttributeModification>();
        foreach (var (name, wanted) in desired.Attributes)
        {
            var have = current.Get(name);
            if (SameValues(have, wanted))
            {
                continue;
            }

            var modification = new DirectoryAttributeModification
            {
                Name = name,
                Operation = wanted.Length == 0 ? DirectoryAttributeOperation.Delete : DirectoryAttributeOperation.Replace,
            };
            foreach (var value in wanted)
            {
                modification.Add(value);
            }

            modifications.Add(modification);
        }

        return modifications;
    }

    private static bool SameValues(IReadOnlyList<string> have, string[] wanted) =>
        have.Count == wanted.Length &&
        new HashSet<string>(have, StringComparer.Ordinal).SetEquals(wanted);
}
