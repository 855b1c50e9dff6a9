using System.Text;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Tests.Audit;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>The dead-letter routes over a real embedded queue and audit store, read back from both.</summary>
public sealed class DeadLetterHandlerTests : IDisposable
{
    private static readonly AdminPrincipal Operator = new("oid-op", "op@corp.test", [AdminRoles.Operate], AdminAuthentication.Entra);
    private readonly string _directory = Directory.CreateTempSubdirectory("gw-deadletters-").FullName;
    private readonly TemporaryAuditStore _audit = new();
    private readonly EmbeddedQueueStore _queue;
    private readonly DeadLetterHandler _handler;

    public DeadLetterHandlerTests()
    {
        _queue = new EmbeddedQueueStore(Options.Create(new EmbeddedQueueOptions { Path = Path.Combine(_directory, "queue.db") }), TimeProvider.System);
        _handler = new DeadLetterHandler(_queue, new AuditTrail(_audit.Store, NullLogger<AuditTrail>.Instance), TimeProvider.System, NullLogger<DeadLetterHandler>.Instance);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _audit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task List_BothQueues_ReasonBodyAndId()
    {
        await DeadLetterAsync(QueueNames.Commands, "poison-1", "g1", "{\"kind\":\"bogus\"}", "MalformedCommand", "unknown kind");
        await DeadLetterAsync(QueueNames.Results, "result-1", null, "not json", "MalformedResult", "not JSON");

        var list = ApiAssert.Body(await _handler.ListAsync(CancellationToken.None), 200, ApiJsonContext.Default.DeadLetterList);

        Assert.Equal(
            [(QueueNames.Commands, "poison-1", "g1", "MalformedCommand", "{\"kind\":\"bogus\"}"), (QueueNames.Results, "result-1", null, "MalformedResult", "not json")],
            list.DeadLetters.Select(d => (d.Queue, d.MessageId, d.SessionId, d.Reason, d.Body)));
        Assert.All(list.DeadLetters, d => Assert.True(d.Id > 0 && d.EnqueuedAt is not null));
        Assert.Empty(list.Errors);
    }

    [Fact]
    public async Task Resubmit_DeadCommand_BackOnTheQueueAndAudited()
    {
        var id = await DeadLetterAsync(QueueNames.Commands, "poison-1", "g1", "{}", "MaxDeliveryCountExceeded", "10 deliveries");

        var action = ApiAssert.Body(await _handler.ResubmitAsync(QueueNames.Commands, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Operator, CancellationToken.None), 200, ApiJsonContext.Default.DeadLetterAction);

        Assert.Equal("resubmitted", action.Status);
        Assert.Equal(new QueueCounts(QueueNames.Commands, 1, 0, 0), await _queue.GetCountsAsync(QueueNames.Commands, CancellationToken.None));
        var entry = Assert.Single(await _audit.Store.QueryAsync(new AuditQuery(), CancellationToken.None));
        Assert.Equal((AuditKinds.DeadLetter, "resubmitted", "g1", "poison-1"), (entry.Kind, entry.Outcome, entry.GroupId, entry.CommandId));
        Assert.Equal(Operator.Describe(), entry.Actor);
    }

    [Fact]
    public async Task Discard_DeadResult_GoneFromTheQueue()
    {
        var id = await DeadLetterAsync(QueueNames.Results, "result-1", null, "x", "MalformedResult", "not JSON");

        var response = await _handler.DiscardAsync(QueueNames.Results, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Operator, CancellationToken.None);

        Assert.Equal("discarded", ApiAssert.Body(response, 200, ApiJsonContext.Default.DeadLetterAction).Status);
        Assert.Equal(new QueueCounts(QueueNames.Results, 0, 0, 0), await _queue.GetCountsAsync(QueueNames.Results, CancellationToken.None));
    }

    [Theory]
    [InlineData("other-queue", "1", 400, "queue")]
    [InlineData(QueueNames.Commands, "abc", 400, "id")]
    [InlineData(QueueNames.Commands, "12345", 404, "id")]
    public async Task Discard_BadOrUnknown_ErrorNamingIt(string queue, string id, int status, string target)
    {
        var response = await _handler.DiscardAsync(queue, id, Operator, CancellationToken.None);

        Assert.Equal(target, ApiAssert.Body(response, status, ApiJsonContext.Default.ErrorBody).Error.Target);
        Assert.Empty(await _audit.Store.QueryAsync(new AuditQuery(), CancellationToken.None));
    }

    private async Task<long> DeadLetterAsync(string queue, string messageId, string? session, string body, string reason, string description)
    {
        await _queue.SendRawAsync(queue, messageId, session, "test", Encoding.UTF8.GetBytes(body), CancellationToken.None);
        if (session is null)
        {
            var received = Assert.Single(await new EmbeddedResultSource(_queue).ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None));
            await received.DeadLetterAsync(reason, description, CancellationToken.None);
        }
        else
        {
            await using var accepted = await new EmbeddedCommandSource(_queue).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
            var received = await accepted!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            await received!.DeadLetterAsync(reason, description, CancellationToken.None);
        }

        return (await _queue.ReadDeadLettersAsync(queue, 10, CancellationToken.None)).Single(m => m.MessageId == messageId).SequenceNumber;
    }
}
