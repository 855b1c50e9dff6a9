using GroupWriteback.Agent.Configuration;

namespace GroupWriteback.Agent.Tests.Configuration;

public sealed class DirectoryOptionsValidatorTests
{
    private readonly DirectoryOptionsValidator _validator = new();

    [Theory]
    [InlineData("DC=corp,DC=test", "is not an organizational unit")]
    [InlineData("CN=Users,DC=corp,DC=test", "is not an organizational unit")]
    [InlineData("OU=Domain Controllers,DC=corp,DC=test", "Domain Controllers")]
    [InlineData("OU=Groups,OU=Domain Controllers,DC=corp,DC=test", "Domain Controllers")]
    [InlineData("OU=Cloud,,DC=test", "is not a DN")]
    public void Validate_TargetOuThatIsNoScopeOfItsOwn_FailsNamingTheEntry(string ou, string expected)
    {
        var result = _validator.Validate(null, Options(ou));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains($"Directory:TargetOus entry '{ou}'", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OU=Cloud Groups,DC=corp,DC=test")]
    [InlineData("OU=Groups,OU=Cloud,DC=corp,DC=test")]
    [InlineData(@"OU=Domain Controllers\, not really,DC=corp,DC=test")]
    public void Validate_OrganizationalUnit_Succeeds(string ou)
    {
        var result = _validator.Validate(null, Options(ou));

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    private static DirectoryOptions Options(string ou) => new()
    {
        Server = "dc1.corp.test",
        AuthType = "Negotiate",
        TargetOus = [ou],
    };
}
