using System.Net;
using System.Text.RegularExpressions;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Demo;

public abstract partial class DemoContentTests(MastheadServer server)
{
    private const string DemoSlug = "insurers-not-navies-set-pace-of-black-sea-grain-corridor";

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex Word();

    [Fact]
    public async Task FirstRun_EmptyDatabase_SeedsALivingArticlePage()
    {
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{DemoSlug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(Word().Matches(page.Text(".article-body")).Count >= 1000);
        Assert.Equal("The Foreign Desk", page.Text(".brand"));
        var about = page.Document.QuerySelector(".about-author")!;
        Assert.NotNull(about.QuerySelector("a[href^='https://x.com/']"));
        Assert.True(page.Document.QuerySelectorAll("ol.children li.comment").Length >= 5);
        Assert.Equal(2, page.Document.QuerySelectorAll(".linkback").Count(l => l.TextContent.Trim().StartsWith("Pingback: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FirstRun_SeedsHeldCommentsThatReadersDoNotSee()
    {
        var held = await server.DbAsync(db => db.Comments.Where(c => c.Article.Slug == DemoSlug && c.Status == CommentStatus.Pending).ToListAsync());
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{DemoSlug}");

        Assert.NotEmpty(held);
        Assert.All(held, c => Assert.Null(page.Document.QuerySelector($"#comment-{c.Id}")));
        var approved = await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == DemoSlug && c.Status == CommentStatus.Approved));
        Assert.True(approved >= 20);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoContentOnSqlite(SqliteServer server) : DemoContentTests(server);

[Collection(PostgresCollection.Name)]
public sealed class DemoContentOnPostgres(PostgresServer server) : DemoContentTests(server);
