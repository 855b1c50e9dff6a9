using GroupWriteback.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseDurableClient();
builder.UseAdminSignIn();
builder.Services.AddFunctionsApp(builder.Configuration);
builder.Build().Run();
