using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Contracts.Tests;

public sealed class WireSerializerTests
{
    public static TheoryData<int> CommandIndexes { get; } = new(Enumerable.Range(0, WireExamples.Commands.Count));

    [Theory]
    [MemberData(nameof(CommandIndexes))]
    public void DeserializeCommand_SerializedCommand_RoundTripsToIdenticalJson(int index)
    {
        var command = WireExamples.Commands[index];
        var json = WireSerializer.Serialize(command);

        var read = WireSerializer.DeserializeCommand(json);

        Assert.IsType(command.GetType(), read);
        Assert.Equal(command.Kind, read.Kind);
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(WireSerializer.Serialize(read)));
    }

    [Fact]
    public void DeserializeResult_SerializedResults_RoundTripToIdenticalJson()
    {
        foreach (var result in WireExamples.Results)
        {
            var json = WireSerializer.Serialize(result);

            var read = WireSerializer.DeserializeResult(json);

            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(WireSerializer.Serialize(read)));
            Assert.Equal(result.Outcome, read.Outcome);
        }
    }

    [Fact]
    public void Serialize_Command_WritesKindDiscriminatorAndCamelCaseStringEnums()
    {
        var node = Node(WireExamples.Commands[0]);

        Assert.Equal("upsertGroup", (string?)node["kind"]);
        Assert.Equal("Microsoft365", (string?)node["cloudKind"]);
        Assert.Equal(WireFormat.Version, (int?)node["version"]);
        Assert.Null(node["Kind"]);
    }

    [Fact]
    public void DeserializeCommand_KindAfterOtherProperties_IsRead()
    {
        var node = Node(WireExamples.Commands[3]);
        node.Remove("kind");
        node["kind"] = "deleteGroup";

        var read = WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.IsType<DeleteGroupCommand>(read);
    }

    [Fact]
    public void DeserializeCommand_UnknownKind_ThrowsWireFormatExceptionNamingIt()
    {
        var node = Node(WireExamples.Commands[3]);
        node["kind"] = "formatDisk";

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("formatDisk", error.Message, StringComparison.Ordinal);
        Assert.False(error.UnsupportedVersion);
    }

    [Fact]
    public void DeserializeCommand_NoKind_ThrowsWireFormatException()
    {
        var node = Node(WireExamples.Commands[3]);
        node.Remove("kind");

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeCommand_NewerVersion_IsRefusedAsUnsupportedVersion()
    {
        var node = Node(WireExamples.Commands[0]);
        node["version"] = WireFormat.Version + 1;

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.True(error.UnsupportedVersion);
        Assert.Contains($"version {WireFormat.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "commandId")]
    [InlineData(0, "groupId")]
    [InlineData(0, "targetOu")]
    [InlineData(0, "attributes")]
    [InlineData(0, "cloudKind")]
    [InlineData(2, "snapshotId")]
    [InlineData(2, "chunkCount")]
    [InlineData(4, "account")]
    public void DeserializeCommand_MissingRequiredField_ThrowsNamingIt(int example, string field)
    {
        var node = Node(WireExamples.Commands[example]);
        node.Remove(field);

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeCommand_MissingNestedRequiredField_ThrowsNamingIt()
    {
        var node = Node(WireExamples.Commands[0]);
        node["attributes"]!.AsObject().Remove("displayName");

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("'displayName'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeResult_MissingOutcome_ThrowsNamingIt()
    {
        var node = JsonNode.Parse(WireSerializer.Serialize(WireExamples.Results[0]))!.AsObject();
        node.Remove("outcome");

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeResult(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("'outcome'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeCommand_UnknownProperty_IsIgnored()
    {
        var node = Node(WireExamples.Commands[3]);
        node["addedInALaterMinorRelease"] = true;

        var read = WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.Equal("delete-2b7c9f4e", read.CommandId);
    }

    [Theory]
    [InlineData("groupType", "GlobalSecurityGroup")]
    [InlineData("naming", 7)]
    public void DeserializeCommand_UnknownEnumValue_ThrowsWireFormatException(string field, object value)
    {
        var node = Node(WireExamples.Commands[0]);
        node[field] = JsonValue.Create(value);

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"kind\":")]
    [InlineData("<xml/>")]
    public void DeserializeCommand_NotACommand_ThrowsWireFormatException(string body)
    {
        Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(body)));
    }

    // Example 0 upserts, 1 changes membership, 2 is a snapshot chunk, 4 grants.
    [Theory]
    [InlineData(1, "add", "null", "add is null")]
    [InlineData(1, "add", "[null]", "add[0] is null")]
    [InlineData(1, "remove", "[{\"cloudId\":\" \",\"sid\":\"S-1-5-21-1-2-3-1105\"}]", "remove[0].cloudId is empty")]
    [InlineData(2, "members", "null", "members is null")]
    [InlineData(2, "snapshotId", "null", "snapshotId is empty")]
    [InlineData(2, "chunkIndex", "5", "chunkIndex 5 is not within")]
    [InlineData(2, "chunkCount", "0", "chunkCount is 0")]
    [InlineData(0, "targetOu", "\" \"", "targetOu is empty")]
    [InlineData(0, "attributes", "null", "attributes is missing")]
    [InlineData(0, "commandId", "null", "commandId is empty")]
    [InlineData(4, "account", "null", "account is empty")]
    public void DeserializeCommand_NullOrEmptyWhereAValueIsNeeded_ThrowsNamingTheFieldAndGroup(int example, string field, string json, string expected)
    {
        var node = Node(WireExamples.Commands[example]);
        node[field] = JsonNode.Parse(json);

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (field != "commandId")
        {
            Assert.Contains(WireExamples.Commands[example].GroupId, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DeserializeCommand_NullProxyAddress_ThrowsNamingTheField()
    {
        var node = Node(WireExamples.Commands[0]);
        node["attributes"]!["proxyAddresses"] = new JsonArray("SMTP:team@corp.test", null);

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("proxyAddresses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeCommandList_OneMalformedEntry_RefusesTheListNamingTheEntry()
    {
        var list = JsonNode.Parse(WireSerializer.SerializeCommandList(WireExamples.Commands))!.AsArray();
        list[1]!["add"] = new JsonArray((JsonNode?)null);

        var error = Assert.Throws<WireFormatException>(() => WireSerializer.DeserializeCommandList(Encoding.UTF8.GetBytes(list.ToJsonString())));

        Assert.StartsWith("Entry 1 of the command list:", error.Message, StringComparison.Ordinal);
        Assert.Contains("add[0] is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeCommandList_SerializedList_KeepsOrderAndKinds()
    {
        var json = WireSerializer.SerializeCommandList(WireExamples.Commands);

        var read = WireSerializer.DeserializeCommandList(Encoding.UTF8.GetBytes(json));

        Assert.Equal(WireExamples.Commands.Select(c => c.Kind), read.Select(c => c.Kind));
        Assert.Equal(json, WireSerializer.SerializeCommandList(read));
    }

    private static JsonObject Node(WritebackCommand command) =>
        JsonNode.Parse(WireSerializer.Serialize(command))!.AsObject();
}
