using Masthead;
using Masthead.CommandLine;

// "masthead <command> ..." runs a command and exits; anything else serves the site.
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFeatures();

var app = builder.Build();
app.MapFeatures();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
