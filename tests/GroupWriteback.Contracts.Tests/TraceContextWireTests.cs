using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Contracts.Tests;

/// <summary>The optional W3C trace context on commands: carried when set, and absent messages stay valid.</summary>
public sealed class TraceContextWireTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void DeserializeCommand_WithTraceContext_RoundTripsBothFields()
    {
        var command = WireExamples.Commands[3] with { TraceParent = TraceParent, TraceState = "gw=cloud" };

        var json = WireSerializer.Serialize(command);
        var read = WireSerializer.DeserializeCommand(json);

        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(TraceParent, (string?)node["traceParent"]);
        Assert.Equal("gw=cloud", (string?)node["traceState"]);
        Assert.Equal(TraceParent, read.TraceParent);
        Assert.Equal("gw=cloud", read.TraceState);
        Assert.Equal(command, read);
    }

    [Fact]
    public void DeserializeCommand_WithoutTraceContext_LeavesThePropertiesOutAndReadsNull()
    {
        var command = WireExamples.Commands[3] with { TraceParent = null, TraceState = null };

        var json = WireSerializer.Serialize(command);
        var read = WireSerializer.DeserializeCommand(json);

        var node = JsonNode.Parse(json)!.AsObject();
        Assert.False(node.ContainsKey("traceParent"));
        Assert.False(node.ContainsKey("traceState"));
        Assert.Null(read.TraceParent);
        Assert.Null(read.TraceState);
        Assert.Equal(WireFormat.Version, read.Version);
    }

    [Fact]
    public void DeserializeCommand_VersionOneMessageFromBeforeTraceContext_IsRead()
    {
        const string older = """
            {"kind":"deleteGroup","reason":"deletedInCloud","version":1,"commandId":"delete-2b7c9f4e","groupId":"2b7c9f4e-1d3a-4c55-9a61-0f3e5b8d7c21","issuedAt":"2026-11-25T09:30:00+00:00"}
            """;

        var read = Assert.IsType<DeleteGroupCommand>(WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(older)));

        Assert.Equal("delete-2b7c9f4e", read.CommandId);
        Assert.Null(read.TraceParent);
    }
}
