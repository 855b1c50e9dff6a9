using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class GrantHandlerTests
{
    private readonly DurableFake _durable = new();
    private readonly GrantHandler _handler;

    public GrantHandlerTests() => _handler = new(_durable.Client.Object, NullLogger<GrantHandler>.Instance);

    [Fact]
    public async Task StartAsync_OrganizationalUnit_StartsGrantOrchestration()
    {
        var response = await _handler.StartAsync(ApiAssert.Utf8("""{"account":"CN=svc-writeback,CN=Users,DC=corp,DC=test","targetOu":"OU=Groups,DC=corp,DC=test"}"""), CancellationToken.None);

        var accepted = ApiAssert.Body(response, 202, ApiJsonContext.Default.AcceptedOperation);
        var start = Assert.Single(_durable.Scheduled);
        Assert.StartsWith(InstanceIds.GrantPrefix, accepted.InstanceId, StringComparison.Ordinal);
        Assert.Equal((nameof(GrantPermissionsOrchestrator), accepted.InstanceId), (start.Name, start.InstanceId));
        var request = Assert.IsType<GrantRequest>(start.Input);
        Assert.Equal((GrantScope.OrganizationalUnit, "OU=Groups,DC=corp,DC=test"), (request.Scope, request.TargetOu));
    }

    [Fact]
    public async Task StartAsync_DomainRootsBySid_Starts()
    {
        var response = await _handler.StartAsync(ApiAssert.Utf8("""{"account":"S-1-5-21-1-2-3-1105","scope":"domainRoots","skipAdminSdHolder":true}"""), CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        var request = Assert.IsType<GrantRequest>(Assert.Single(_durable.Scheduled).Input);
        Assert.Equal((GrantScope.DomainRoots, null, true), (request.Scope, request.TargetOu, request.SkipAdminSdHolder));
    }

    [Theory]
    [InlineData("""{"targetOu":"OU=Groups,DC=corp,DC=test"}""", "account")]
    [InlineData("""{"account":"svc-writeback","targetOu":"OU=Groups,DC=corp,DC=test"}""", "account")]
    [InlineData("""{"account":"S-1-5-21-1","scope":"forest"}""", "scope")]
    [InlineData("""{"account":"S-1-5-21-1"}""", "targetOu")]
    [InlineData("""{"account":"S-1-5-21-1","targetOu":"Groups"}""", "targetOu")]
    [InlineData("""{"account":"S-1-5-21-1","scope":"domainRoots","targetOu":"OU=Groups,DC=corp,DC=test"}""", "targetOu")]
    [InlineData("""{"account":5}""", "$.account")]
    public async Task StartAsync_BadBody_400NamingTheField(string body, string target)
    {
        var response = await _handler.StartAsync(ApiAssert.Utf8(body), CancellationToken.None);

        Assert.Equal(target, ApiAssert.Error(response, 400, ErrorCodes.InvalidBody).Target);
        Assert.Empty(_durable.Scheduled);
    }
}
