using System.CommandLine;
using Masthead.Newsroom;
using Masthead.Site;
using Masthead.Storage;

namespace Masthead.CommandLine;

/// <summary>
/// The command-line interface. Configuration overrides such as <c>--Masthead:DataDirectory=DIR</c>
/// may follow any command, as they do for the site.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version");

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Masthead: a news publishing and discussion server. With no command it serves the site (use --urls to choose where).");
        root.Subcommands.Add(ArticleCommand());
        root.Subcommands.Add(AuthorCommand());
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(ModerationCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }

    private static Command ArticleCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A Markdown file with YAML front matter: title, slug, standfirst, authors, section, tags, date, status." };
        var import = new Command("import", "Create an article, or update the one with the same slug, from a Markdown file.") { file };
        Lenient(import);
        import.SetAction((result, ct) => RunImportAsync(result, file, "article", (services, text, token) =>
            services.GetRequiredService<ArticleImporter>().ImportAsync(text, token), ct));
        return new Command("article", "Manage articles.") { import };
    }

    private static Command AuthorCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A YAML file: slug, name, bio, avatar, x, website, mastodon." };
        var import = new Command("import", "Create an author, or update the one with the same slug, from a YAML file.") { file };
        Lenient(import);
        import.SetAction((result, ct) => RunImportAsync(result, file, "author", (services, text, token) =>
            services.GetRequiredService<AuthorImporter>().ImportAsync(text, token), ct));
        return new Command("author", "Manage authors.") { import };
    }

    private static Command DemoCommand()
    {
        var slug = new Argument<string>("SLUG") { Description = "The article to fill." };
        var count = new Option<int>("--count") { Description = "How many approved comments to add.", DefaultValueFactory = _ => 200 };
        var comments = new Command("comments", "Add generated approved comments to an article, for load tests and benchmarks.") { slug, count };
        Lenient(comments);
        comments.SetAction((result, ct) => RunAsync(result, async (services, token) =>
        {
            var added = await services.GetRequiredService<Demo.DemoCommentGenerator>().AddAsync(result.GetValue(slug)!, result.GetValue(count), token);
            Console.WriteLine($"Added {added} comments to '{result.GetValue(slug)}'.");
        }, ct));
        return new Command("demo", "Demo and benchmark data.") { comments };
    }

    /// <summary>Lets configuration overrides through instead of failing on them as unknown options.</summary>
    private static void Lenient(Command command) => command.TreatUnmatchedTokensAsErrors = false;

    private static async Task<int> RunImportAsync(
        ParseResult result,
        Argument<FileInfo> fileArgument,
        string what,
        Func<IServiceProvider, string, CancellationToken, Task<ImportResult>> import,
        CancellationToken cancellationToken)
    {
        var file = result.GetValue(fileArgument)!;
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"error: {file.FullName} does not exist.");
            return 2;
        }

        return await RunAsync(result, async (services, token) =>
        {
            var text = await File.ReadAllTextAsync(file.FullName, token);
            var outcome = await import(services, text, token);
            Console.WriteLine($"{(outcome.Created ? "Created" : "Updated")} {what} '{outcome.Slug}'.");
        }, cancellationToken, file.Name + ": ");
    }

    /// <summary>Builds the services against the configured database, brings its schema up to date, and runs <paramref name="work"/>.</summary>
    private static Task<int> RunAsync(ParseResult result, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken, string errorPrefix = "") =>
        RunWithServicesAsync(result, async (services, token) =>
        {
            await work(services, token);
            return 0;
        }, cancellationToken, errorPrefix);

    /// <summary>As <see cref="RunAsync"/>, for work that chooses its own exit code.</summary>
    internal static async Task<int> RunWithServicesAsync(ParseResult result, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken, string errorPrefix = "")
    {
        var unmatched = result.UnmatchedTokens.ToArray();
        var bad = unmatched.FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains('=', StringComparison.Ordinal));
        if (bad is not null)
        {
            await Console.Error.WriteLineAsync($"error: unrecognised argument '{bad}'. Configuration overrides take the form --Section:Key=value.");
            return 2;
        }

        await using var app = BuildServices(unmatched);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<PublicationStore>().EnsureAsync(cancellationToken);
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (ContentException e)
        {
            await Console.Error.WriteLineAsync($"error: {errorPrefix}{e.Message}");
            return 1;
        }
    }

    private static WebApplication BuildServices(string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFeatures();
        return builder.Build();
    }
}
