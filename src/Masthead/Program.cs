using Masthead;
using Masthead.CommandLine;

// "masthead <command> ..." runs a command and exits; anything else serves the site.
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,

    // appsettings.json and wwwroot sit beside the program, wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddFeatures();

var app = builder.Build();
app.MapFeatures();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
