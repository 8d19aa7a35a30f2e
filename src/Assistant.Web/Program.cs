using Assistant.Web.Bot;
using Assistant.Web.Documents;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);
// The repository's shared appsettings.json is copied next to the binaries (Directory.Build.props). It is the bottom
// layer, so a content-root appsettings.json, environment variables (Bot__MicrosoftAppId=…) and --urls/--Key=value win.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "appsettings.json",
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
    Optional = true,
});

builder.Services.AddProblemDetails();
builder.Services.AddBot(builder.Configuration);

var app = builder.Build();
// Unhandled errors become a bare problem+json 500: never a stack trace for the caller.
app.UseExceptionHandler();

app.MapBotEndpoints();
app.MapDocumentPages();

app.Run();
