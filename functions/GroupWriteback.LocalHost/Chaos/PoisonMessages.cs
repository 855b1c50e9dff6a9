using System.Text;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>
/// Hostile messages put on the commands queue beside the bridge's own: bytes that are no command, a command whose
/// target lies outside the agent's OUs, and one aimed at a domain controller's OU. Each must be dead-lettered with a
/// reason while the rest flows.
/// </summary>
internal sealed class PoisonMessages(string queuePath, string domainDn) : IDisposable
{
    private readonly EmbeddedQueueStore _store = new(Options.Create(new EmbeddedQueueOptions { Path = queuePath }), TimeProvider.System);
    private readonly List<string> _sent = [];

    /// <summary>The message ids sent.</summary>
    public IReadOnlyList<string> Sent => _sent;

    /// <summary>Sends every kind once; returns a line per message.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(CancellationToken cancellationToken)
    {
        var session = "chaos-poison-" + Guid.NewGuid().ToString("N")[..8];
        var lines = new List<string>();
        await SendAsync("malformed bytes", session, [0xFF, 0xFE, 0x00, (byte)'{', (byte)'"'], lines, cancellationToken);
        await SendAsync("JSON that is no command", session, Encoding.UTF8.GetBytes("""{"kind":"formatDisk","commandId":"x","groupId":"y"}"""), lines, cancellationToken);
        await SendAsync("upsert outside the OU", session, Upsert($"CN=Users,{domainDn}"), lines, cancellationToken);
        await SendAsync("upsert into Domain Controllers", session, Upsert($"OU=Domain Controllers,{domainDn}"), lines, cancellationToken);
        return lines;
    }

    /// <summary>The poison messages dead-lettered so far, with their reasons.</summary>
    public async Task<IReadOnlyList<DeadLetteredMessage>> DeadLetteredAsync(CancellationToken cancellationToken) =>
        [.. (await _store.ReadDeadLettersAsync(QueueNames.Commands, 1000, cancellationToken)).Where(m => _sent.Contains(m.MessageId))];

    /// <summary>Every dead-lettered result (the cloud's verdict on results it could not place).</summary>
    public Task<IReadOnlyList<DeadLetteredMessage>> DeadLetteredResultsAsync(CancellationToken cancellationToken) =>
        _store.ReadDeadLettersAsync(QueueNames.Results, 1000, cancellationToken);

    public void Dispose() => _store.Dispose();

    private async Task SendAsync(string what, string session, byte[] body, List<string> lines, CancellationToken cancellationToken)
    {
        var id = "poison-" + Guid.NewGuid().ToString("N");
        await _store.SendRawAsync(QueueNames.Commands, id, session, "chaos", body, cancellationToken);
        _sent.Add(id);
        lines.Add($"{what} ({body.Length} bytes, message {id})");
    }

    private static byte[] Upsert(string targetOu) => WireSerializer.Serialize(new UpsertGroupCommand
    {
        CommandId = Guid.NewGuid().ToString("N"),
        GroupId = Guid.NewGuid().ToString(),
        CloudKind = CloudGroupKind.Security,
        GroupType = OnPremisesGroupType.UniversalSecurityGroup,
        TargetOu = targetOu,
        Attributes = new GroupAttributes { DisplayName = "Chaos intruder" },
    });
}
