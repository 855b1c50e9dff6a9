using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport.Tests;

/// <summary>Small, valid commands and results for queue tests.</summary>
internal static class TestMessages
{
    public static WritebackCommand Command(string groupId, string commandId) => new DeleteGroupCommand
    {
        CommandId = commandId,
        GroupId = groupId,
        IssuedAt = DateTimeOffset.UnixEpoch,
    };

    public static IReadOnlyList<WritebackCommand> Commands(string groupId, int count) =>
        Enumerable.Range(0, count).Select(i => Command(groupId, $"{groupId}-{i}")).ToList();

    public static WritebackResult Result(string commandId) => new()
    {
        CommandId = commandId,
        CommandKind = CommandKinds.DeleteGroup,
        GroupId = "group-" + commandId,
        Outcome = ResultOutcome.Applied,
    };
}
