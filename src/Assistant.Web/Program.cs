using Assistant.Web.DirectLine;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDirectLine(builder.Configuration);
var app = builder.Build();
app.UseWebChatPage();
app.MapDirectLine();
app.Run();
