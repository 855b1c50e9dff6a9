using System.Text;
using CsCheck;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts.Tests;

/// <summary>
/// Any command of any kind either round-trips to identical JSON or, exactly when <see cref="CommandShape"/> names a
/// problem, is refused as a <see cref="WireFormatException"/> (never another exception); any result round-trips.
/// </summary>
public sealed class WireSerializerProperties
{
    private static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const(string.Empty)),
        (1, Gen.Const(" \t")),
        (1, Gen.Const("<GUID=00000000-0000-0000-0000-000000000000>")),
        (6, Gen.Char.Where(c => !char.IsSurrogate(c)).Array[1, 40].Select(chars => new string(chars))),
        (1, Gen.Int[0x10000, 0x10FFFF].Array[1, 5].Select(points => string.Concat(points.Select(char.ConvertFromUtf32)))));

    private static readonly Gen<string?> MaybeText = Gen.Frequency((1, Gen.Const(default(string))), (6, Text.Select(s => (string?)s)));

    private static readonly Gen<MemberReference?> Members = Gen.Frequency(
        (1, Gen.Const(default(MemberReference))),
        (20, Gen.Select(Text, MaybeText, Gen.Guid.Select(g => (Guid?)g), MaybeText, Gen.Bool, (id, sid, guid, group, withGuid) =>
            (MemberReference?)new MemberReference { CloudId = id, Sid = sid, ObjectGuid = withGuid ? guid : null, WrittenBackGroupId = group })));

    private static readonly Gen<IReadOnlyList<MemberReference>> MemberLists = Members.Array[0, 12].Select(m => (IReadOnlyList<MemberReference>)m!);

    private static readonly Gen<DateTimeOffset> Times = Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks / 2].Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    private static readonly Gen<(string? Id, string? Group, string? ReplyTo, DateTimeOffset At)> Envelopes =
        Gen.Select(MaybeText, MaybeText, MaybeText, Times);

    private static readonly Gen<WritebackCommand> Upserts =
        Gen.Select(Envelopes, Gen.Enum<CloudGroupKind>(), Gen.Enum<OnPremisesGroupType>(), Gen.Enum<NamingScheme>(), MaybeText, Attributes(), (e, kind, type, naming, ou, attributes) =>
            (WritebackCommand)new UpsertGroupCommand
            {
                CommandId = e.Id!, GroupId = e.Group!, ReplyTo = e.ReplyTo, IssuedAt = e.At, CloudKind = kind, GroupType = type, Naming = naming, TargetOu = ou!, Attributes = attributes!,
            });

    private static readonly Gen<WritebackCommand> Changes = Gen.Select(Envelopes, MemberLists, MemberLists, (e, add, remove) =>
        (WritebackCommand)new ChangeMembershipCommand { CommandId = e.Id!, GroupId = e.Group!, ReplyTo = e.ReplyTo, IssuedAt = e.At, Add = add, Remove = remove });

    private static readonly Gen<WritebackCommand> Snapshots = Gen.Select(Envelopes, MaybeText, Gen.Int[-2, 5], Gen.Int[-1, 5], MemberLists, (e, snapshot, index, count, members) =>
        (WritebackCommand)new MembershipSnapshotCommand
        {
            CommandId = e.Id!, GroupId = e.Group!, ReplyTo = e.ReplyTo, IssuedAt = e.At, SnapshotId = snapshot!, ChunkIndex = index, ChunkCount = count, Members = members,
        });

    private static readonly Gen<WritebackCommand> Deletes = Gen.Select(Envelopes, MaybeText, (e, reason) =>
        (WritebackCommand)new DeleteGroupCommand { CommandId = e.Id!, GroupId = e.Group!, ReplyTo = e.ReplyTo, IssuedAt = e.At, Reason = reason! });

    private static readonly Gen<WritebackCommand> Grants = Gen.Select(Envelopes, MaybeText, Gen.Enum<GrantScope>(), MaybeText, Gen.Bool, (e, account, scope, ou, skip) =>
        (WritebackCommand)new GrantPermissionsCommand { CommandId = e.Id!, GroupId = e.Group!, ReplyTo = e.ReplyTo, IssuedAt = e.At, Account = account!, Scope = scope, TargetOu = ou, SkipAdminSdHolder = skip });

    private static readonly Gen<WritebackCommand> Commands = Gen.OneOf(Upserts, Changes, Snapshots, Deletes, Grants);

    [Fact]
    public void DeserializeCommand_AnyCommand_RoundTripsExactlyWhenItsShapeIsWhole()
    {
        Commands.Sample(command =>
        {
            var json = WireSerializer.Serialize(command);

            if (CommandShape.Problem(command) is { } problem)
            {
                // A null where the JSON contract wants a value is refused while reading; any other hole by its shape.
                var refused = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(json));
                Assert.True(
                    refused.Message == problem || refused.Message.StartsWith("The command is not valid wire JSON", StringComparison.Ordinal),
                    $"refused with '{refused.Message}', expected '{problem}'");
                return;
            }

            var read = WireSerializer.DeserializeCommand(json);
            Assert.IsType(command.GetType(), read);
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(WireSerializer.Serialize(read)));
        }, iter: 3000);
    }

    [Fact]
    public void DeserializeResult_AnyResult_RoundTripsToIdenticalJson()
    {
        var results = Gen.Select(Envelopes, Gen.Enum<ResultOutcome>(), Gen.Enum<FailureReason>(), MaybeText, MemberLists, Gen.Int[0, 100_000], (e, outcome, reason, message, skipped, added) =>
            new WritebackResult
            {
                CommandId = e.Id ?? "c", CommandKind = CommandKinds.ChangeMembership, GroupId = e.Group ?? "g", ReplyTo = e.ReplyTo, Outcome = outcome, Reason = reason, Message = message,
                MembersAdded = added, SkippedMembers = [.. skipped.Where(m => m is not null)], CompletedAt = e.At,
            });

        results.Sample(result =>
        {
            var json = WireSerializer.Serialize(result);

            var read = WireSerializer.DeserializeResult(json);

            Assert.Equal((result.Outcome, result.Reason, result.Message), (read.Outcome, read.Reason, read.Message));
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(WireSerializer.Serialize(read)));
        }, iter: 2000);
    }

    private static Gen<GroupAttributes?> Attributes() => Gen.Frequency(
        (1, Gen.Const(default(GroupAttributes))),
        (12, Gen.Select(MaybeText, MaybeText, MaybeText, MaybeText, MaybeText.Array[0, 4], Gen.Bool, (name, description, mail, nickname, proxies, hidden) =>
            (GroupAttributes?)new GroupAttributes
            {
                DisplayName = name!, Description = description, Mail = mail, MailNickname = nickname, ProxyAddresses = proxies.Length == 0 ? null : [.. proxies.Select(p => p!)], HideFromAddressLists = hidden,
            })));
}
