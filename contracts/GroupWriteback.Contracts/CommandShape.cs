using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Contracts;

/// <summary>
/// What JSON alone cannot say about a command: ids present, no null in a list, chunk numbers that
/// make sense. A reader checks it right after deserializing, so a handler never meets a hole.
/// </summary>
public static class CommandShape
{
    // The AD schema's rangeUpper for mail, mailNickname and proxyAddresses.
    private const int MaxMail = 256;
    private const int MaxMailNickname = 64;
    private const int MaxProxyAddress = 1123;

    /// <summary>Returns why the command is malformed, naming the command and group, or null when it is whole.</summary>
    public static string? Problem(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problem = string.IsNullOrWhiteSpace(command.CommandId) ? "commandId is empty"
            : string.IsNullOrWhiteSpace(command.GroupId) ? "groupId is empty"
            : command switch
            {
                UpsertGroupCommand upsert => UpsertProblem(upsert),
                ChangeMembershipCommand change => MembersProblem("add", change.Add) ?? MembersProblem("remove", change.Remove),
                MembershipSnapshotCommand snapshot => SnapshotProblem(snapshot),
                DeleteGroupCommand delete => delete.Reason is null ? "reason is null" : null,
                GrantPermissionsCommand grant => GrantProblem(grant),
                _ => null,
            };
        return problem is null ? null : $"Command {command.CommandId ?? "(no id)"} ({command.Kind}) for group {command.GroupId ?? "(no group)"}: {problem}.";
    }

    private static string? UpsertProblem(UpsertGroupCommand upsert) =>
        string.IsNullOrWhiteSpace(upsert.TargetOu) ? "targetOu is empty"
        : upsert.Attributes is null ? "attributes is missing"
        : upsert.Attributes.DisplayName is null ? "attributes.displayName is null"
        : upsert.Attributes.ProxyAddresses?.Any(string.IsNullOrWhiteSpace) == true ? "attributes.proxyAddresses holds an empty or null address"
        : AddressProblem("attributes.mail", upsert.Attributes.Mail, MaxMail)
            ?? AddressProblem("attributes.mailNickname", upsert.Attributes.MailNickname, MaxMailNickname)
            ?? upsert.Attributes.ProxyAddresses?.Select((p, i) => AddressProblem($"attributes.proxyAddresses[{i}]", p, MaxProxyAddress)).FirstOrDefault(p => p is not null);

    // An address is written verbatim (cutting or cleaning it would make another address): one AD would refuse
    // (longer than the schema's rangeUpper) or that mail systems cannot route (control characters) is refused whole.
    private static string? AddressProblem(string field, string? value, int max) =>
        value is null ? null
        : value.Length > max ? $"{field} is {value.Length} characters long; Active Directory takes at most {max}"
        : value.Any(char.IsControl) ? $"{field} contains control characters"
        : null;

    private static string? SnapshotProblem(MembershipSnapshotCommand snapshot) =>
        string.IsNullOrWhiteSpace(snapshot.SnapshotId) ? "snapshotId is empty"
        : snapshot.ChunkCount < 1 ? $"chunkCount is {snapshot.ChunkCount}; a snapshot has at least one chunk"
        : snapshot.ChunkIndex < 0 || snapshot.ChunkIndex >= snapshot.ChunkCount ? $"chunkIndex {snapshot.ChunkIndex} is not within 0..{snapshot.ChunkCount - 1}"
        : MembersProblem("members", snapshot.Members);

    private static string? GrantProblem(GrantPermissionsCommand grant) =>
        string.IsNullOrWhiteSpace(grant.Account) ? "account is empty"
        : grant.Scope == GrantScope.OrganizationalUnit && string.IsNullOrWhiteSpace(grant.TargetOu) ? "targetOu is empty for an OU grant"
        : null;

    private static string? MembersProblem(string field, IReadOnlyList<MemberReference>? members)
    {
        if (members is null)
        {
            return $"{field} is null";
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null)
            {
                return $"{field}[{i}] is null";
            }

            if (string.IsNullOrWhiteSpace(members[i].CloudId))
            {
                return $"{field}[{i}].cloudId is empty";
            }
        }

        return null;
    }
}
