using System.Globalization;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api.Access;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Tests.Hosting;

namespace GroupWriteback.LocalHost.Tests.SignIn;

/// <summary>
/// The local host with Entra sign-in pointed at <see cref="TestOpenIdProvider"/> (<c>AdminAuth:Entra:Instance</c>), its
/// admin key still set. The provider signs in an operator: Writeback.Read and Writeback.Operate, not Writeback.Approve.
/// No domain controller is needed: nothing here writes to AD.
/// </summary>
public sealed class SignInHostFixture : IAsyncLifetime
{
    public const string Key = "a-key-of-sixteen-or-more";

    private InProcessLocalHost? _host;

    public LocalTenant Tenant { get; } = new();

    public SignInUser Operator { get; } = new("aaaaaaaa-0000-0000-0000-00000000000b", "operator@corp.test", [AdminRoles.Read, AdminRoles.Operate]);

    public int Port { get; } = LoopbackPort.Free();

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The console where the Functions app serves it, which is its SPA redirect URI.</summary>
    public string ConsoleUrl => $"{BaseUrl}api/console/";

    public TestOpenIdProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOpenIdProvider.StartAsync(Tenant, Operator, ConsoleUrl);
        _host = await InProcessLocalHost.StartAsync(Port, new Dictionary<string, string?>
        {
            ["LocalHost:ApiKey"] = Key,
            ["AdminAuth:Entra:TenantId"] = LocalTenant.TenantId,
            ["AdminAuth:Entra:ClientId"] = LocalTenant.ClientId,
            ["AdminAuth:Entra:Instance"] = Provider.Instance.AbsoluteUri,
        });
    }

    public HttpClient Client() => new() { BaseAddress = BaseUrl };

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Provider.DisposeAsync();
        Tenant.Dispose();
    }
}
