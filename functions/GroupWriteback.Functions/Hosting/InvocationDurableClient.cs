using Microsoft.DurableTask.Client;

namespace GroupWriteback.Functions.Hosting;

/// <summary>
/// The Durable Task client of one invocation. The Functions host binds the client per call (<c>[DurableClient]</c>)
/// rather than injecting it, so <see cref="DurableClientMiddleware"/> puts the bound one here and the library's
/// services receive it as a plain scoped <see cref="DurableTaskClient"/>.
/// </summary>
internal sealed class InvocationDurableClient
{
    private DurableTaskClient? _client;

    /// <summary>The bound client; reading it in a function that declares no <c>[DurableClient]</c> is a wiring error.</summary>
    public DurableTaskClient Client
    {
        get => _client ?? throw new InvalidOperationException(
            "This function has no Durable Task client: declare a [DurableClient] DurableTaskClient parameter on it so the host binds one.");
        set => _client = value;
    }
}
