using GroupWriteback.Cloud.Api;
using GroupWriteback.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GroupWriteback.Functions.Tests.Http;

public sealed class ApiResponseResultTests
{
    [Fact]
    public async Task ExecuteResultAsync_ErrorAnswer_WritesStatusContentTypeAndBody()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        await new ApiResponseResult(ApiResponse.Error(404, ErrorCodes.NotFound, "Group g is unknown.", "id")).ExecuteResultAsync(new ActionContext { HttpContext = http });

        http.Response.Body.Position = 0;
        Assert.Equal((404, "application/json; charset=utf-8"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""{"error":{"code":"notFound","message":"Group g is unknown.","target":"id"}}""", await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task ExecuteResultAsync_Empty_WritesOnlyStatus()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        await new ApiResponseResult(ApiResponse.Empty(202)).ExecuteResultAsync(new ActionContext { HttpContext = http });

        Assert.Equal((202, 0L), (http.Response.StatusCode, http.Response.Body.Length));
    }
}
