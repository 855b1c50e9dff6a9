using GroupWriteback.GraphEmulator.Http;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Maps the control operations' errors to 400 and 404 with a Graph-style error body.</summary>
internal sealed class AdminRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (KeyNotFoundException ex)
        {
            return new GraphErrorResult(StatusCodes.Status404NotFound, "ResourceNotFound", ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or ArgumentException or InvalidRequestException)
        {
            return GraphErrorResult.BadRequest(ex.Message);
        }
    }
}
