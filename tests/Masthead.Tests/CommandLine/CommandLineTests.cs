using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Masthead.Tests.CommandLine;

/// <summary>Runs the real program as a separate process, as an editor would from a shell.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("masthead-cli-").FullName;

    private string Data => Path.Combine(_dir, "data");

    [Fact]
    public async Task Help_NoCommand_ListsCommandsAndExitsZero()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("article", output, StringComparison.Ordinal);
        Assert.Contains("author", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("article", "import")]
    [InlineData("author", "import")]
    [InlineData("demo", "comments")]
    public async Task Help_EachCommand_DescribesIt(string group, string command)
    {
        var (code, output, _) = await RunAsync(group, command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationCheck_Threat_PrintsActionScoresAndReasons()
    {
        var (code, output, _) = await RunAsync("moderation", "check", "one tactical nuke on the capital and it's over, flatten it", "--author", "someone");

        Assert.Equal(0, code);
        Assert.Contains("action: hold", output, StringComparison.Ordinal);
        Assert.Contains("threat", output, StringComparison.Ordinal);
        Assert.Contains("reason:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationEval_JsonSummary_HasTheAgreedShape()
    {
        var file = Write("set.jsonl", """
            {"id":"a","text":"Thanks for the clear map.","author":"x","url":"","label":"ok"}
            {"id":"b","text":"Cheap pills, buy now at https://bit.ly/xyz and https://pills.top/buy and https://pills.top/more","author":"y","url":"https://pills.top","label":"spam"}
            """);
        var decisions = Path.Combine(_dir, "out.jsonl");

        var (code, output, _) = await RunAsync("moderation", "eval", file, "--json", "--out", decisions);

        Assert.Equal(0, code);
        using var summary = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(2, summary.RootElement.GetProperty("count").GetInt32());
        Assert.True(summary.RootElement.GetProperty("labels").GetProperty("spam").TryGetProperty("recall", out _));
        Assert.True(summary.RootElement.TryGetProperty("ok_approved", out _));
        var lines = await File.ReadAllLinesAsync(decisions);
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.True(first.RootElement.TryGetProperty("reasons", out _));
    }

    [Fact]
    public async Task ModerationEval_SourceLinkFromNewcomer_JudgedByTheTextAlone()
    {
        var file = Write("links.jsonl", """
            {"id":"r","text":"Reuters has the breakdown of the ceasefire's phases: https://www.reuters.com/world/","author":"new reader","url":"","label":"ok"}
            """);
        var decisions = Path.Combine(_dir, "links-out.jsonl");

        var (code, _, _) = await RunAsync("moderation", "eval", file, "--out", decisions);

        Assert.Equal(0, code);
        using var decision = System.Text.Json.JsonDocument.Parse((await File.ReadAllLinesAsync(decisions))[0]);
        Assert.Equal("approve", decision.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Import_AuthorThenArticle_CreatesThenUpdates()
    {
        var author = Write("author.yml", "slug: lena-berg\nname: Lena Berg\nbio: Nordic correspondent.\nx: lenaberg\n");
        var article = Write("story.md", """
            ---
            title: Ice and iron ore
            slug: ice-and-iron-ore
            authors: [lena-berg]
            tags: [Arctic, Trade]
            section: World
            date: 2024-10-23T09:00:00Z
            status: published
            ---
            ## Narvik

            The port never freezes.
            """);

        var first = await RunAsync("author", "import", author, $"--Masthead:DataDirectory={Data}");
        var second = await RunAsync("article", "import", article, $"--Masthead:DataDirectory={Data}");
        var third = await RunAsync("article", "import", article, $"--Masthead:DataDirectory={Data}");

        Assert.Equal((0, "Created author 'lena-berg'."), (first.Code, first.Output.Trim()));
        Assert.Equal((0, "Created article 'ice-and-iron-ore'."), (second.Code, second.Output.Trim()));
        Assert.Equal((0, "Updated article 'ice-and-iron-ore'."), (third.Code, third.Output.Trim()));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM Articles"));
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM ArticleTags"));
    }

    [Fact]
    public async Task Import_ArticleWithUnknownAuthor_ExitsOneWithReadableError()
    {
        var article = Write("story.md", "---\ntitle: Orphan\nauthors: [nobody]\nstatus: published\n---\nBody.\n");

        var (code, _, error) = await RunAsync("article", "import", article, $"--Masthead:DataDirectory={Data}");

        Assert.Equal(1, code);
        Assert.Contains("Unknown author(s): nobody", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("article", "import", Path.Combine(_dir, "nope.md"), $"--Masthead:DataDirectory={Data}");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StrayArgument_ExitsTwoAndSaysWhy()
    {
        var author = Write("author.yml", "name: A\n");

        var (code, _, error) = await RunAsync("author", "import", author, "--bogus");

        Assert.Equal(2, code);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "masthead.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
