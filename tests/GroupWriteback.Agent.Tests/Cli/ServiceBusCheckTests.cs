using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using GroupWriteback.Agent.Cli;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Transport.ServiceBus;
using Moq;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>check's Service Bus verdicts against a mocked broker: nothing here can reach Azure.</summary>
public sealed class ServiceBusCheckTests
{
    private static readonly ServiceBusTransportOptions Options = new()
    {
        FullyQualifiedNamespace = "sb-gw.servicebus.windows.net",
        Credential = "certificate",
        TenantId = "11111111-2222-3333-4444-555555555555",
        ClientId = "66666666-7777-8888-9999-000000000000",
        CertificatePath = "/etc/groupwriteback/agent.pem",
    };

    private readonly Mock<TokenCredential> _credential = new();
    private readonly Mock<ServiceBusClient> _client = new();
    private readonly Mock<ServiceBusSender> _sender = new();

    public ServiceBusCheckTests()
    {
        _credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == ServiceBusCheck.Scope), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token", DateTimeOffset.UtcNow.AddHours(1)));
        _client.Setup(c => c.AcceptNextSessionAsync(Options.CommandsQueue, It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("no session", ServiceBusFailureReason.ServiceTimeout));
        _client.Setup(c => c.CreateSender(Options.ResultsQueue)).Returns(_sender.Object);
        _sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ServiceBusModelFactory.ServiceBusMessageBatch(262144, []));
    }

    [Fact]
    public async Task Run_EverythingGranted_ThreeItemsPass()
    {
        var items = await RunAsync();

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.True(i.Passed, i.Detail));
        Assert.Contains("no session waiting", items[1].Detail, StringComparison.Ordinal);
        Assert.Contains("nothing sent", items[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoReceiverRole_FailsNamingTheRoleAndTheSetting()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(Options.CommandsQueue, It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UnauthorizedAccessException("Unauthorized access. 'Listen' claim(s) are required to perform this operation."));

        var items = await RunAsync();

        var receive = Assert.Single(items, i => i.Name.Contains("receive", StringComparison.Ordinal));
        Assert.False(receive.Passed);
        Assert.Contains("Azure Service Bus Data Receiver", receive.Detail, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:CommandsQueue", receive.Detail, StringComparison.Ordinal);
        Assert.True(items.Single(i => i.Name.Contains("send", StringComparison.Ordinal)).Passed);
    }

    [Fact]
    public async Task Run_NoSenderRole_FailsNamingTheRoleAndTheSetting()
    {
        _sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UnauthorizedAccessException("Unauthorized access. 'Send' claim(s) are required to perform this operation."));

        var items = await RunAsync();

        var send = Assert.Single(items, i => i.Name.Contains("send", StringComparison.Ordinal));
        Assert.False(send.Passed);
        Assert.Contains("Azure Service Bus Data Sender", send.Detail, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:ResultsQueue", send.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_QueueMissing_FailsNamingTheQueueSetting()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(Options.CommandsQueue, It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("not found", ServiceBusFailureReason.MessagingEntityNotFound));

        var receive = (await RunAsync())[1];

        Assert.False(receive.Passed);
        Assert.Contains("ServiceBus:CommandsQueue", receive.Detail, StringComparison.Ordinal);
        Assert.Contains("does not exist", receive.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NamespaceUnreachable_FailsNamingTheNamespaceSetting()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(Options.CommandsQueue, It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("No such host is known", ServiceBusFailureReason.ServiceCommunicationProblem));

        var receive = (await RunAsync())[1];

        Assert.False(receive.Passed);
        Assert.Contains("ServiceBus:FullyQualifiedNamespace", receive.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoToken_FailsNamingTheCredentialSettingsAndDoesNotTryTheQueues()
    {
        _credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationFailedException("AADSTS700027: Client assertion contains an invalid signature."));

        var items = await RunAsync();

        Assert.All(items, i => Assert.False(i.Passed));
        Assert.Contains("ServiceBus:Credential certificate", items[0].Detail, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:CertificatePath '/etc/groupwriteback/agent.pem'", items[0].Detail, StringComparison.Ordinal);
        _client.Verify(c => c.AcceptNextSessionAsync(It.IsAny<string>(), It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Task<IReadOnlyList<CheckItem>> RunAsync() =>
        new ServiceBusCheck(Options, _credential.Object, _client.Object).RunAsync(CancellationToken.None);
}
