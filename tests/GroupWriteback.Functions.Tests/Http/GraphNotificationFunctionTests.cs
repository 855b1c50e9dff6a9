using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Orchestrations;
using GroupWriteback.Functions.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GroupWriteback.Functions.Tests.Http;

public sealed class GraphNotificationFunctionTests
{
    private readonly FunctionsFixture _app = new();
    private readonly Mock<IGraphNotificationHandler> _handler = new();

    [Fact]
    public async Task Receive_Handshake_PassesTokenAndWritesHandlerAnswer()
    {
        _handler.Setup(h => h.HandleAsync("?validationToken=abc%20123", It.IsAny<Stream>(), It.IsAny<IDeltaSignal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ApiResponse.Text(200, "abc 123"));
        var function = new GraphNotificationFunction(_handler.Object, NullLogger<GraphNotificationFunction>.Instance);

        var (_, status, body) = await FunctionsFixture.WriteAsync(await function.Receive(FunctionsFixture.Request(query: "?validationToken=abc%20123"), _app.Durable.Client.Object));

        Assert.Equal((200, "abc 123"), (status, body));
    }

    [Fact]
    public async Task Receive_Notification_HandlerSignalReachesDeltaWorkflow()
    {
        string? received = null;
        _handler.Setup(h => h.HandleAsync(It.IsAny<string?>(), It.IsAny<Stream>(), It.IsAny<IDeltaSignal>(), It.IsAny<CancellationToken>()))
            .Returns(async (string? _, Stream body, IDeltaSignal delta, CancellationToken token) =>
            {
                received = await new StreamReader(body).ReadToEndAsync(token);
                await delta.RequestDeltaAsync("changeNotification", token);
                return ApiResponse.Empty(202);
            });
        var function = new GraphNotificationFunction(_handler.Object, NullLogger<GraphNotificationFunction>.Instance);

        var (_, status, _) = await FunctionsFixture.WriteAsync(await function.Receive(FunctionsFixture.Request("""{"value":[]}"""), _app.Durable.Client.Object));

        Assert.Equal(202, status);
        Assert.Equal("""{"value":[]}""", received);
        Assert.Equal((InstanceIds.Delta, EventNames.DeltaRequested), (Assert.Single(_app.Durable.Raised).InstanceId, _app.Durable.Raised[0].Name));
    }
}
