using System.Net;
using System.Text.Json;
using Masthead.Tests.Infrastructure;

namespace Masthead.Tests.Discussion;

public abstract class CommentCountsTests(MastheadServer server)
{
    [Fact]
    public async Task Counts_SeveralArticles_ExactApprovedCountsForPublishedOnes()
    {
        var busy = await server.ArticleAsync();
        var quiet = await server.ArticleAsync();
        var draft = await server.ArticleAsync(status: "draft");
        await server.ApprovedCommentAsync(busy, "A", "a@example.com", "One.");
        await server.ApprovedCommentAsync(busy, "B", "b@example.com", "Two.");
        await server.HeldCommentAsync(busy, "Held, not counted.");
        using var reader = server.NewReader();

        var response = await reader.GetAsync($"/api/comment-counts?articles={busy},{quiet},{draft},no-such-article");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var counts = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [busy] = 2, [quiet] = 0 }, counts);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Not A Slug")]
    [InlineData("many")]
    public async Task Counts_BadList_400WithReason(string articles)
    {
        if (articles == "many")
        {
            articles = string.Join(',', Enumerable.Range(0, 101).Select(i => $"article-{i}"));
        }

        using var reader = server.NewReader();

        var response = await reader.GetAsync($"/api/comment-counts?articles={Uri.EscapeDataString(articles)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("slugs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommentCountsOnSqlite(SqliteServer server) : CommentCountsTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CommentCountsOnPostgres(PostgresServer server) : CommentCountsTests(server);
