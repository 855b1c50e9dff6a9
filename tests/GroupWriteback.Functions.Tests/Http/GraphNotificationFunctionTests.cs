using GroupWriteback.Cloud.Workflows;

namespace GroupWriteback.Functions.Tests.Http;

public sealed class GraphNotificationFunctionTests
{
    private readonly FunctionsFixture _app = new();

    [Fact]
    public async Task Receive_Handshake_PassesTokenAndWritesHandlerAnswer()
    {
        var (_, status, body) = await FunctionsFixture.WriteAsync(await _app.Api.GraphNotifications(FunctionsFixture.Request(query: "?validationToken=abc%20123"), _app.Durable.Client.Object));

        Assert.Equal((200, "abc 123"), (status, body));
    }

    [Fact]
    public async Task Receive_Notification_HandlerSignalReachesDeltaWorkflow()
    {
        var notification = $$"""{"value":[{"subscriptionId":"sub-1","clientState":"{{_app.GraphSettings.ClientState}}","changeType":"updated","resource":"Groups/g1","tenantId":"t"}]}""";

        var (_, status, _) = await FunctionsFixture.WriteAsync(await _app.Api.GraphNotifications(FunctionsFixture.Request(notification), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Equal((InstanceIds.Delta, EventNames.DeltaRequested), (Assert.Single(_app.Durable.Raised).InstanceId, _app.Durable.Raised[0].Name));
    }
}
