using Assistant;
using Assistant.AI;
using Assistant.Configuration;
using Assistant.ServiceDefaults;
using Assistant.Storage;
using Assistant.Web.Bot;
using Assistant.Web.DirectLine;
using Assistant.Web.Documents;
using Assistant.Web.Health;
using Assistant.Web.Http;
using Assistant.Web.Security;
using Assistant.Web.State;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);
// The repository's shared appsettings.json is copied next to the binaries (Directory.Build.props). It is the bottom
// layer, so an appsettings.json in the working directory, environment variables (Bot__MicrosoftAppId=…) and
// command-line arguments (--urls, --Corpus:Path=…) win over it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "appsettings.json",
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
    Optional = true,
});

// The address when none is given (--urls, the URLS or ASPNETCORE_URLS environment variable, Urls in a settings file):
// not in the shared appsettings.json, where it would hide ASPNETCORE_URLS.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:5000");
builder.AddServiceDefaults();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ClientErrors.MaxRequestBodyBytes);
builder.Services.AddProblemDetails(Problems.Complete);
try
{
    builder.Services.AddAssistantCore(builder.Configuration);
}
catch (Exception e) when (e is AiConfigurationException or IndexUnavailableException)
{
    // A configuration the host cannot run with: say which setting, once, without a stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
builder.Services.AddBot(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddSharedState(builder.Configuration);
builder.Services.AddHostedService<IndexStartupService>();
builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");

var app = builder.Build();
try
{
    app.Services.ValidateSettings();
}
catch (Exception e) when (SettingsValidation.Describe(e) is { } problem)
{
    // A setting out of range or of the wrong type: name its key, once, without a stack trace.
    Console.Error.WriteLine($"error: {problem}");
    return 1;
}
// Unhandled errors become a bare problem+json (413/400 for requests Kestrel refused, else 500): never a stack trace for the caller.
app.UseClientErrorStatus();
// An error status without a body (405, an unknown route) gets a bare problem+json too.
app.UseStatusCodePages();
app.UseSecurityHeaders();

app.UseWebChatPage();
app.UseDirectLine();
app.MapDefaultEndpoints();
app.MapBotEndpoints();
app.MapDocumentPages();
app.MapDirectLine();

app.Run();
return 0;
