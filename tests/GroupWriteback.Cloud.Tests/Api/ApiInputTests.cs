using GroupWriteback.Cloud.Api;

namespace GroupWriteback.Cloud.Tests.Api;

public sealed class ApiInputTests
{
    [Fact]
    public void TryGroupId_UpperCaseGuid_NormalizesToGraphForm()
    {
        var ok = ApiInput.TryGroupId("0F8FAD5B-D9CB-469F-A165-70867728950E", "id", out var id, out _);

        Assert.True(ok);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", id);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGroupId_NotAGuid_400NamingValueAndTarget(string? value)
    {
        ApiInput.TryGroupId(value, "id", out _, out var error);

        var detail = ApiAssert.Error(error!, 400, ErrorCodes.InvalidArgument);
        Assert.Equal("id", detail.Target);
        Assert.Contains($"'{value}'", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGroupId_HugeValue_EchoesItShortened()
    {
        ApiInput.TryGroupId(new string('x', 5000), "id", out _, out var error);

        Assert.True(error!.Body.Length < 600);
    }

    [Theory]
    [InlineData("delta", "delta")]
    [InlineData("full-sync", "full-sync")]
    [InlineData("disable-writeback", "disable-writeback")]
    [InlineData("group-0F8FAD5B-D9CB-469F-A165-70867728950E", "group-0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void TryApprovalInstance_Known_Accepted(string value, string expected)
    {
        Assert.True(ApiInput.TryApprovalInstance(value, out var id, out _));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("group-nope")]
    [InlineData("grant-123")]
    [InlineData("../delta")]
    public void TryApprovalInstance_Other_400(string value)
    {
        ApiInput.TryApprovalInstance(value, out _, out var error);

        Assert.Equal("instanceId", ApiAssert.Error(error!, 400, ErrorCodes.InvalidArgument).Target);
    }

    [Fact]
    public void TryBody_NotJson_400WithInvalidBody()
    {
        ApiInput.TryBody<ApprovalRequest>(ApiAssert.Utf8("{decision: approve"), ApiJsonContext.Default.ApprovalRequest, null, out _, out var error);

        ApiAssert.Error(error!, 400, ErrorCodes.InvalidBody);
    }

    [Fact]
    public void TryBody_EmptyWithoutDefault_400()
    {
        ApiInput.TryBody<ApprovalRequest>(ReadOnlyMemory<byte>.Empty, ApiJsonContext.Default.ApprovalRequest, null, out _, out var error);

        Assert.Equal("body", ApiAssert.Error(error!, 400, ErrorCodes.InvalidBody).Target);
    }

    [Fact]
    public void TryBody_EmptyWithDefault_UsesDefault()
    {
        var fallback = new TenantPlanRequest(5);

        Assert.True(ApiInput.TryBody<TenantPlanRequest>(ApiAssert.Utf8("  \n"), ApiJsonContext.Default.TenantPlanRequest, fallback, out var value, out _));
        Assert.Same(fallback, value);
    }

    [Fact]
    public void TryBody_TooLarge_413()
    {
        ApiInput.TryBody<GrantBody>(new byte[ApiInput.MaxBodyBytes + 1], ApiJsonContext.Default.GrantBody, null, out _, out var error);

        ApiAssert.Error(error!, 413, ErrorCodes.InvalidBody);
    }

    [Fact]
    public void TryBody_JsonNull_400()
    {
        ApiInput.TryBody<GrantBody>(ApiAssert.Utf8("null"), ApiJsonContext.Default.GrantBody, null, out _, out var error);

        ApiAssert.Error(error!, 400, ErrorCodes.InvalidBody);
    }

    [Fact]
    public void TryBody_CaseInsensitiveProperties_Read()
    {
        ApiInput.TryBody<ApprovalRequest>(ApiAssert.Utf8("""{"Decision":"approve","BY":"ops"}"""), ApiJsonContext.Default.ApprovalRequest, null, out var value, out _);

        Assert.Equal(("approve", "ops"), (value.Decision, value.By));
    }
}
