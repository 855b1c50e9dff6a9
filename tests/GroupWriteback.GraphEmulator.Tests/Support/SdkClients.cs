using GroupWriteback.GraphEmulator.Hosting;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace GroupWriteback.GraphEmulator.Tests.Support;

/// <summary>The real Microsoft Graph SDK pointed at a running emulator, with a fixed bearer token.</summary>
internal static class SdkClients
{
    public static GraphServiceClient For(RunningGraphEmulator emulator, bool beta = false) =>
        new(new BaseBearerTokenAuthenticationProvider(new FixedTokenProvider()), (beta ? emulator.BetaUrl : emulator.BaseUrl).ToString());

    private sealed class FixedTokenProvider : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("test-token");
    }
}
