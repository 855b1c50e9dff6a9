using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts.Tests;

/// <summary>The agent heartbeat rides the results queue as a result with an optional <c>heartbeat</c> property.</summary>
public sealed class HeartbeatWireTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Heartbeat_RoundTrips_AndIsTold()
    {
        var sent = new AgentHeartbeatReport { Host = "DC01", AgentVersion = "1.2.3", OpenSessions = 2, InFlightCommands = 1, LastError = "boom", LastErrorAt = SentAt.AddMinutes(-1) }
            .ToResult("agent-a", SentAt);

        var read = WireSerializer.DeserializeResult(WireSerializer.Serialize(sent));

        Assert.True(AgentHeartbeatReport.IsHeartbeat(read));
        Assert.Equal(sent.Heartbeat, read.Heartbeat);
        Assert.Equal(("agent-a", "agent-a", WireFormat.Version), (read.AgentId, read.GroupId, read.Version));
        Assert.Null(read.ReplyTo);
    }

    [Fact]
    public void CommandResult_IsNotAHeartbeat_AndCarriesNoHeartbeatProperty()
    {
        var result = new WritebackResult { CommandId = "c", CommandKind = "upsertGroup", GroupId = "g", Outcome = ResultOutcome.Applied };

        var json = JsonNode.Parse(WireSerializer.Serialize(result))!.AsObject();

        Assert.False(AgentHeartbeatReport.IsHeartbeat(result));
        Assert.False(json.ContainsKey("heartbeat"));
    }

    [Fact]
    public void Heartbeat_WithPropertiesAReaderDoesNotKnow_StillReads()
    {
        // What a newer agent may add inside the heartbeat must not break this reader.
        var json = JsonNode.Parse(WireSerializer.Serialize(new AgentHeartbeatReport { Host = "h", AgentVersion = "v" }.ToResult("a", SentAt)))!.AsObject();
        json["heartbeat"]!.AsObject()["futureCounter"] = 7;
        json["futureTopLevel"] = "x";

        var read = WireSerializer.DeserializeResult(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.True(AgentHeartbeatReport.IsHeartbeat(read));
        Assert.Equal("h", read.Heartbeat!.Host);
    }
}
