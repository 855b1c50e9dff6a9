using Azure.Core;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Hands out a fixed bearer token. The Graph emulator only checks that a bearer is present, and the
/// options validator allows this credential only against a loopback service root.
/// </summary>
internal sealed class StaticTokenCredential(string token = "emulator-token") : TokenCredential
{
    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
