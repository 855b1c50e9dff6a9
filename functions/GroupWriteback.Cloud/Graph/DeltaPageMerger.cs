using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Folds one delta page into one <see cref="GroupChange"/> per group. Graph may list a group several times on a
/// page (a large membership change is split over entries); later entries win, per group and per member.
/// </summary>
internal static class DeltaPageMerger
{
    public static IReadOnlyList<GroupChange> Merge(IEnumerable<Group>? entries)
    {
        var byGroup = new OrderedDictionary<string, PendingChange>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries ?? [])
        {
            if (string.IsNullOrEmpty(entry.Id))
            {
                continue;
            }

            if (!byGroup.TryGetValue(entry.Id, out var pending))
            {
                pending = new PendingChange(entry.Id);
                byGroup.Add(entry.Id, pending);
            }

            pending.Apply(entry);
        }

        return byGroup.Values.Select(p => p.ToChange()).ToArray();
    }

    private sealed class PendingChange(string groupId)
    {
        private readonly OrderedDictionary<string, bool> memberAdded = new(StringComparer.OrdinalIgnoreCase);
        private bool deleted;
        private CloudGroup? group;

        public void Apply(Group entry)
        {
            if (AdditionalDataReader.Has(entry.AdditionalData, AdditionalDataReader.Removed))
            {
                // A deleted group's member changes no longer matter.
                deleted = true;
                group = null;
                memberAdded.Clear();
                return;
            }

            // An entry without a display name carries only member changes (or a partial update): keep what we had.
            if (entry.DisplayName is not null)
            {
                deleted = false;
                group = CloudGroupMapper.Map(entry);
            }

            foreach (var member in AdditionalDataReader.ObjectArray(entry.AdditionalData, AdditionalDataReader.MembersDelta))
            {
                var memberId = AdditionalDataReader.String(member, "id");
                if (!string.IsNullOrEmpty(memberId))
                {
                    memberAdded[memberId] = !member.ContainsKey(AdditionalDataReader.Removed);
                }
            }
        }

        public GroupChange ToChange() => new()
        {
            GroupId = groupId,
            Deleted = deleted,
            Group = group,
            AddedMemberIds = memberAdded.Where(m => m.Value).Select(m => m.Key).ToArray(),
            RemovedMemberIds = memberAdded.Where(m => !m.Value).Select(m => m.Key).ToArray(),
        };
    }
}
