using System.Text;
using System.Text.RegularExpressions;
using GroupWriteback.Cloud.AdminConsole;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Tests.Api;

namespace GroupWriteback.Cloud.Tests.AdminConsole;

/// <summary>The console's embedded files: served with their types, every reference resolving inside the console, nothing from elsewhere.</summary>
public sealed partial class ConsoleFilesTests
{
    private static readonly ConsoleFiles Files = new();

    [Fact]
    public void Serve_Root_TheIndexPage()
    {
        var page = Files.Serve(null);

        Assert.Equal((200, "text/html; charset=utf-8"), (page.StatusCode, page.ContentType));
        Assert.Contains("<main id=\"main\"", Encoding.UTF8.GetString(page.Body.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("console.css", "text/css; charset=utf-8")]
    public void Serve_File_WithItsType(string path, string type)
    {
        var file = Files.Serve(path);

        Assert.Equal((200, type), (file.StatusCode, file.ContentType));
        Assert.False(file.Body.IsEmpty);
    }

    [Theory]
    [InlineData("../GroupWriteback.Cloud.dll")]
    [InlineData("js/missing.js")]
    [InlineData("..%2Fsecrets")]
    public void Serve_UnknownPath_404(string path) =>
        Assert.Equal(ErrorCodes.NotFound, ApiAssert.Body(Files.Serve(path), 404, ApiJsonContext.Default.ErrorBody).Error.Code);

    [Fact]
    public void Files_EveryImportAndLink_ResolvesToAnEmbeddedFile()
    {
        var missing = new List<string>();
        foreach (var path in Files.Paths)
        {
            var text = Encoding.UTF8.GetString(Files.Serve(path).Body.Span);
            foreach (Match reference in Reference().Matches(text))
            {
                var target = Resolve(path, reference.Groups["ref"].Value);
                if (!Files.Paths.Contains(target))
                {
                    missing.Add($"{path} → {reference.Groups["ref"].Value}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Contains("js/pages/overview.js", Files.Paths);
    }

    [Fact]
    public void Files_LoadNothingFromAnotherOrigin()
    {
        Assert.All(Files.Paths, path =>
            Assert.DoesNotMatch("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Encoding.UTF8.GetString(Files.Serve(path).Body.Span)));
    }

    private static string Resolve(string from, string reference)
    {
        if (reference.StartsWith("/api/console/", StringComparison.Ordinal))
        {
            return reference["/api/console/".Length..];
        }

        var parts = from.Split('/')[..^1].ToList();
        foreach (var segment in reference.Split('/'))
        {
            if (segment == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("""(?:from\s+'|import\s+'|href="|src=")(?<ref>(?:\./|\.\./|/api/console/)[^'"]+)['"]""")]
    private static partial Regex Reference();
}
