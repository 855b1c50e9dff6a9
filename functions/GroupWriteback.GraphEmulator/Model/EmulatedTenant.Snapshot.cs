namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// Whole-tenant operations: export as a tenant file and replace everything from one. A reset keeps the
/// tenant object (hosts and tests hold it) but starts a new change log, so every issued delta link
/// answers 410 Gone, which is what a tenant restore looks like to a client.
/// </summary>
public sealed partial class EmulatedTenant
{
    /// <summary>The tenant as a tenant file; members are named by id.</summary>
    public TenantFileDocument Export()
    {
        lock (_gate)
        {
            return new TenantFileDocument
            {
                TenantId = TenantId,
                Users = [.. _users.Values.Select(ToDraft)],
                Groups = [.. _groups.Values.Select(g => ToDraft(g.Capture()))],
            };
        }
    }

    /// <summary>Replaces users, groups and memberships with the document's, without raising <see cref="Changed"/>.</summary>
    public void Reset(TenantFileDocument document, string source = "tenant file")
    {
        ArgumentNullException.ThrowIfNull(document);
        var staged = TenantFile.Build(document, Time, source);
        lock (_gate)
        {
            _users.Clear();
            _groups.Clear();
            _changes.Clear();
            _sequence = 0;
            foreach (var (id, user) in staged._users)
            {
                _users.Add(id, user);
            }

            foreach (var (id, group) in staged._groups)
            {
                _groups.Add(id, group);
            }

            TenantId = document.TenantId ?? TenantId;
            ExpireDeltaTokens();
        }
    }

    private static UserDraft ToDraft(EmulatedUser user) =>
        new()
        {
            Id = user.Id,
            DisplayName = user.DisplayName,
            UserPrincipalName = user.UserPrincipalName,
            Mail = user.Mail,
            OnPremisesSecurityIdentifier = user.OnPremisesSecurityIdentifier,
            OnPremisesImmutableId = user.OnPremisesImmutableId,
            OnPremisesSyncEnabled = user.OnPremisesSyncEnabled,
        };

    private static GroupDraft ToDraft(GroupWithMembers captured)
    {
        var group = captured.Group;
        return new GroupDraft
        {
            Id = group.Id,
            DisplayName = group.DisplayName,
            Description = group.Description,
            Mail = group.Mail,
            MailNickname = group.MailNickname,
            MailEnabled = group.MailEnabled,
            SecurityEnabled = group.SecurityEnabled,
            GroupTypes = group.GroupTypes,
            ProxyAddresses = group.ProxyAddresses,
            Visibility = group.Visibility,
            CreatedDateTime = group.CreatedDateTime,
            OnPremisesSecurityIdentifier = group.OnPremisesSecurityIdentifier,
            OnPremisesSyncEnabled = group.OnPremisesSyncEnabled,
            WritebackConfiguration = group.WritebackConfiguration,
            Members = [.. captured.Members.Select(m => m.Id)],
        };
    }
}
