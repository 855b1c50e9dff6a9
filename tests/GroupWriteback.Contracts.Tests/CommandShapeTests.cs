using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Contracts.Tests;

public sealed class CommandShapeTests
{
    private static UpsertGroupCommand Sales => (UpsertGroupCommand)WireExamples.Commands[0];

    [Fact]
    public void Problem_WholeUpsert_IsNull()
    {
        Assert.Null(CommandShape.Problem(Sales));
    }

    [Theory]
    [InlineData("mail", 257, "attributes.mail is 257 characters long; Active Directory takes at most 256")]
    [InlineData("mailNickname", 65, "attributes.mailNickname is 65 characters long; Active Directory takes at most 64")]
    [InlineData("proxyAddresses", 1124, "attributes.proxyAddresses[1] is 1124 characters long; Active Directory takes at most 1123")]
    public void Problem_AddressLongerThanTheSchemaAllows_NamesFieldLengthAndLimit(string field, int length, string expected)
    {
        var value = new string('m', length);
        var command = Sales with { Attributes = field switch
        {
            "mail" => Sales.Attributes with { Mail = value },
            "mailNickname" => Sales.Attributes with { MailNickname = value },
            _ => Sales.Attributes with { ProxyAddresses = ["SMTP:sales@corp.example.com", value] },
        } };

        var problem = CommandShape.Problem(command);

        Assert.Equal($"Command {command.CommandId} (upsertGroup) for group {command.GroupId}: {expected}.", problem);
    }

    [Theory]
    [InlineData("sales\0")]
    [InlineData("sa\r\nles")]
    [InlineData("\u0085sales")]
    public void Problem_MailNicknameWithControlCharacters_IsRefused(string nickname)
    {
        var problem = CommandShape.Problem(Sales with { Attributes = Sales.Attributes with { MailNickname = nickname } });

        Assert.EndsWith("attributes.mailNickname contains control characters.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_AddressesAtTheirLimits_AreWhole()
    {
        var command = Sales with
        {
            Attributes = Sales.Attributes with { Mail = new string('m', 256), MailNickname = new string('n', 64), ProxyAddresses = [new string('p', 1123)] },
        };

        Assert.Null(CommandShape.Problem(command));
    }
}
