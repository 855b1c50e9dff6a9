using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Folds one delta page into one <see cref="GroupChange"/> per group. Graph may list a group several times on a
/// page (a large membership change is split over entries); later entries win, per group and per member.
/// Member changes of kinds that cannot be members on-premises (devices, contacts, service principals) are
/// dropped here from their <c>@odata.type</c> and only counted, so they cost no Graph read and no snapshot.
/// An entry that lacks a property the scope depends on (a partial update) does not decide scope.
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
        private readonly OrderedDictionary<string, bool> _memberAdded = new(StringComparer.OrdinalIgnoreCase);
        private bool _deleted;
        private CloudGroup? _group;
        private bool _scopeKnown;
        private int _skippedMembers;

        public void Apply(Group entry)
        {
            if (AdditionalDataReader.Has(entry.AdditionalData, AdditionalDataReader.Removed))
            {
                // A deleted group's member changes no longer matter.
                _deleted = true;
                _group = null;
                _scopeKnown = false;
                _memberAdded.Clear();
                _skippedMembers = 0;
                return;
            }

            // An entry without a display name carries only member changes: keep what we had. One that lacks what
            // scope is decided from keeps an earlier complete entry of the page, and never decides scope itself.
            if (entry.DisplayName is not null && (CarriesScope(entry) || !_scopeKnown))
            {
                _deleted = false;
                _group = CloudGroupMapper.Map(entry);
                _scopeKnown = CarriesScope(entry);
            }

            foreach (var member in AdditionalDataReader.ObjectArray(entry.AdditionalData, AdditionalDataReader.MembersDelta))
            {
                var memberId = AdditionalDataReader.String(member, "id");
                if (string.IsNullOrEmpty(memberId))
                {
                    continue;
                }

                if (AdditionalDataReader.String(member, AdditionalDataReader.ODataType) is { } type
                    && CloudMemberMapper.KindOf(type) == CloudMemberKind.Other)
                {
                    _skippedMembers++;
                    continue;
                }

                _memberAdded[memberId] = !member.ContainsKey(AdditionalDataReader.Removed);
            }
        }

        /// <summary>The properties <see cref="Planning.GroupScopeEvaluator"/> reads a group's kind from.</summary>
        private static bool CarriesScope(Group entry) =>
            entry.GroupTypes is not null && entry.SecurityEnabled is not null && entry.MailEnabled is not null;

        public GroupChange ToChange() => new()
        {
            GroupId = groupId,
            Deleted = _deleted,
            Group = _group,
            ScopeKnown = _group is not null && _scopeKnown,
            SkippedMemberChanges = _skippedMembers,
            AddedMemberIds = _memberAdded.Where(m => m.Value).Select(m => m.Key).ToArray(),
            RemovedMemberIds = _memberAdded.Where(m => !m.Value).Select(m => m.Key).ToArray(),
        };
    }
}
