using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts.Tests;

/// <summary>One realistic instance of every message on the wire; the README shows exactly these.</summary>
internal static class WireExamples
{
    private const string GroupId = "2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21";
    private static readonly DateTimeOffset Issued = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<WritebackCommand> Commands { get; } =
    [
        new UpsertGroupCommand
        {
            CommandId = "upsert-2b7c9f4e-3f1a",
            GroupId = GroupId,
            ReplyTo = "group-2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21",
            IssuedAt = Issued,
            CloudKind = CloudGroupKind.Microsoft365,
            GroupType = OnPremisesGroupType.UniversalDistributionGroup,
            Naming = NamingScheme.DisplayNameAndObjectId,
            TargetOu = "OU=Cloud Groups,DC=corp,DC=example,DC=com",
            Attributes = new GroupAttributes
            {
                DisplayName = "Sales Team",
                Description = "Everyone in sales",
                Mail = "sales@corp.example.com",
                MailNickname = "sales",
                ProxyAddresses = ["SMTP:sales@corp.example.com", "smtp:sales@corp.onmicrosoft.com"],
                HideFromAddressLists = false,
                RequireSenderAuthentication = true,
            },
        },
        new ChangeMembershipCommand
        {
            CommandId = "members-2b7c9f4e-8c02",
            GroupId = GroupId,
            IssuedAt = Issued,
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            Add =
            [
                new MemberReference { CloudId = "9d1f3c2a-5b6e-4f70-8a91-b2c3d4e5f607", Sid = "S-1-5-21-1004336348-1177238915-682003330-1105" },
                new MemberReference { CloudId = "4e8a7b6c-3d2f-4a1b-9c0d-e1f2a3b4c5d6", WrittenBackGroupId = "4e8a7b6c-3d2f-4a1b-9c0d-e1f2a3b4c5d6" },
            ],
            Remove = [new MemberReference { CloudId = "7a6b5c4d-3e2f-4109-8877-665544332211", ObjectGuid = new Guid("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0") }],
        },
        new MembershipSnapshotCommand
        {
            CommandId = "snapshot-2b7c9f4e-0001",
            GroupId = GroupId,
            IssuedAt = Issued,
            SnapshotId = "2b7c9f4e-20261125T0930",
            ChunkIndex = 0,
            ChunkCount = 2,
            Members = [new MemberReference { CloudId = "9d1f3c2a-5b6e-4f70-8a91-b2c3d4e5f607", Sid = "S-1-5-21-1004336348-1177238915-682003330-1105" }],
        },
        new DeleteGroupCommand
        {
            CommandId = "delete-2b7c9f4e",
            GroupId = GroupId,
            IssuedAt = Issued,
            Reason = "deletedInCloud",
        },
        new GrantPermissionsCommand
        {
            CommandId = "grant-ou-cloud-groups",
            GroupId = CommandKinds.GrantSessionId,
            IssuedAt = Issued,
            Account = "CN=svc-writeback,OU=Service Accounts,DC=corp,DC=example,DC=com",
            Scope = GrantScope.OrganizationalUnit,
            TargetOu = "OU=Cloud Groups,DC=corp,DC=example,DC=com",
        },
    ];

    public static IReadOnlyList<WritebackResult> Results { get; } =
    [
        new WritebackResult
        {
            CommandId = "members-2b7c9f4e-8c02",
            CommandKind = CommandKinds.ChangeMembership,
            GroupId = GroupId,
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            Outcome = ResultOutcome.Applied,
            Message = "members +1 -1, 1 not found on-premises",
            DistinguishedName = "CN=Sales Team_0f3e5b8d7c21,OU=Cloud Groups,DC=corp,DC=example,DC=com",
            ObjectGuid = new Guid("5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170"),
            MembersAdded = 1,
            MembersRemoved = 1,
            SkippedMembers = [new MemberReference { CloudId = "4e8a7b6c-3d2f-4a1b-9c0d-e1f2a3b4c5d6", WrittenBackGroupId = "4e8a7b6c-3d2f-4a1b-9c0d-e1f2a3b4c5d6" }],
            AgentId = "agent-dc01",
            CompletedAt = Issued.AddSeconds(3),
        },
        new WritebackResult
        {
            CommandId = "upsert-2b7c9f4e-3f1a",
            CommandKind = CommandKinds.UpsertGroup,
            GroupId = GroupId,
            ReplyTo = "group-2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21",
            Outcome = ResultOutcome.Failed,
            Reason = FailureReason.NameCollision,
            Message = "Group 2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21: 'CN=Sales Team_0f3e5b8d7c21,OU=Cloud Groups,DC=corp,DC=example,DC=com' already exists and does not carry the anchor of group 2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21; it is not touched.",
            DistinguishedName = "CN=Sales Team_0f3e5b8d7c21,OU=Cloud Groups,DC=corp,DC=example,DC=com",
            AgentId = "agent-dc01",
            CompletedAt = Issued.AddSeconds(2),
        },
        new AgentHeartbeatReport
        {
            Host = "DC01",
            AgentVersion = "1.0.0",
            OpenSessions = 2,
            InFlightCommands = 1,
            LastError = "Directory unavailable: The LDAP server is unavailable.",
            LastErrorAt = Issued.AddSeconds(-40),
        }.ToResult("agent-dc01", Issued.AddSeconds(5)),
    ];
}
