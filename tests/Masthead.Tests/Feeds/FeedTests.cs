using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Feeds;

public abstract class FeedTests(MastheadServer server)
{
    private static readonly XNamespace Wfw = "http://wellformedweb.org/CommentAPI/";
    private static readonly XNamespace Slash = "http://purl.org/rss/1.0/modules/slash/";

    [Fact]
    public async Task SiteRss_RoundTripsWithCommentExtensions()
    {
        var slug = await server.ArticleAsync(title: "Feed item");
        await server.ApprovedCommentAsync(slug, "A", "a@example.com", "One.");
        await server.ApprovedCommentAsync(slug, "B", "b@example.com", "Two.");
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/feed");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Load(xml);
        var item = feed.Items.Single(i => i.Links[0].Uri.AbsolutePath == $"/articles/{slug}");
        Assert.Equal("Feed item", item.Title.Text);
        var element = XDocument.Parse(xml).Descendants("item").Single(i => i.Element("link")!.Value.EndsWith($"/articles/{slug}", StringComparison.Ordinal));
        Assert.Equal(new Uri(server.BaseAddress, $"/articles/{slug}/comments/feed").ToString(), element.Element(Wfw + "commentRss")!.Value);
        Assert.Equal("2", element.Element(Slash + "comments")!.Value);
    }

    [Fact]
    public async Task SiteAtom_RoundTrips()
    {
        var slug = await server.ArticleAsync(title: "Atom item");
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/feed/atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Load(await response.Content.ReadAsStringAsync());
        Assert.Contains(feed.Items, i => i.Title.Text == "Atom item" && i.Links.Any(l => l.Uri.AbsolutePath == $"/articles/{slug}"));
    }

    [Theory]
    [InlineData("/authors/{author}/feed")]
    [InlineData("/authors/{author}/feed/atom")]
    [InlineData("/tags/{tag}/feed")]
    [InlineData("/tags/{tag}/feed/atom")]
    [InlineData("/sections/{section}/feed")]
    public async Task ScopedFeeds_ListOnlyTheirArticles(string template)
    {
        var author = TestContent.Unique("feeder");
        await server.AuthorAsync(author);
        var tag = TestContent.Unique("feedtag");
        var section = TestContent.Unique("feeddesk");
        var slug = await server.ArticleAsync(title: "Scoped", authorSlug: author, tags: [tag], section: section);
        var other = await server.ArticleAsync(title: "Not in scope");
        using var reader = server.NewReader();

        var feed = await LoadAsync(await reader.GetAsync(template.Replace("{author}", author).Replace("{tag}", tag).Replace("{section}", section)));

        Assert.Contains(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == $"/articles/{slug}"));
        Assert.DoesNotContain(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == $"/articles/{other}"));
    }

    [Fact]
    public async Task ScopedFeed_UnknownAuthor_Returns404()
    {
        using var reader = server.NewReader();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/authors/nobody/feed")).StatusCode);
    }

    [Fact]
    public async Task CommentsFeed_ListsApprovedCommentsOnly()
    {
        var slug = await server.ArticleAsync();
        await server.ApprovedCommentAsync(slug, "Visible", "v@example.com", "Approved words.");
        using var poster = server.NewReader();
        await poster.PostCommentAsync($"/articles/{slug}", "Held", "held@example.com", "Held words.");
        using var reader = server.NewReader();

        var xml = await (await reader.GetAsync($"/articles/{slug}/comments/feed")).Content.ReadAsStringAsync();
        var feed = Load(xml);

        var item = Assert.Single(feed.Items);
        Assert.Equal("By: Visible", item.Title.Text);
        Assert.DoesNotContain("Held words.", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentCommentsFeed_ReflectsEditsAndDeletions()
    {
        var slug = await server.ArticleAsync(title: "Feeds and edits");
        var kept = await server.ApprovedCommentAsync(slug, "Keeper", "keeper@example.com", "Text before the edit.");
        var gone = await server.ApprovedCommentAsync(slug, "Leaver", "leaver@example.com", "Text that is deleted.");
        var editedAt = DateTime.UtcNow.AddMinutes(-1);
        await server.DbAsync(db => db.Comments.Where(c => c.Id == kept).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.BodyHtml, "<p>Text after the edit.</p>").SetProperty(c => c.EditedAt, editedAt)));
        await server.DbAsync(db => db.Comments.Where(c => c.Id == gone).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, Masthead.Data.Entities.CommentStatus.Deleted)));
        server.InvalidatePages();
        using var reader = server.NewReader();

        var xml = await (await reader.GetAsync("/comments/feed")).Content.ReadAsStringAsync();
        var articleXml = await (await reader.GetAsync($"/articles/{slug}/comments/feed")).Content.ReadAsStringAsync();

        var item = Load(xml).Items.Single(i => i.Id.EndsWith($"#comment-{kept}", StringComparison.Ordinal));
        Assert.Equal("Keeper on “Feeds and edits”", item.Title.Text);
        Assert.Contains("Text after the edit.", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Text that is deleted.", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Text that is deleted.", articleXml, StringComparison.Ordinal);
        Assert.Contains("Text after the edit.", articleXml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_IsValidXmlWithNewsTagsForRecentArticles()
    {
        var recent = await server.ArticleAsync(title: "Fresh news");
        var old = await server.ArticleAsync(title: "Old news", date: DateTime.UtcNow.AddDays(-20));
        using var reader = server.NewReader();

        var doc = XDocument.Parse(await (await reader.GetAsync("/sitemap.xml")).Content.ReadAsStringAsync());

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var urls = doc.Root!.Elements(sm + "url").ToDictionary(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath);
        Assert.Equal("Fresh news", urls[$"/articles/{recent}"].Element(news + "news")!.Element(news + "title")!.Value);
        Assert.NotNull(urls[$"/articles/{recent}"].Element(news + "news")!.Element(news + "publication")!.Element(news + "name"));
        Assert.Null(urls[$"/articles/{old}"].Element(news + "news"));
    }

    [Fact]
    public async Task Robots_AllowsCrawlingAndPointsAtTheSitemap()
    {
        using var reader = server.NewReader();

        var text = await (await reader.GetAsync("/robots.txt")).Content.ReadAsStringAsync();

        Assert.Contains("User-agent: *", text, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {new Uri(server.BaseAddress, "/sitemap.xml")}", text, StringComparison.Ordinal);
    }

    private static async Task<SyndicationFeed> LoadAsync(HttpResponseMessage response) => Load(await response.Content.ReadAsStringAsync());

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FeedsOnSqlite(SqliteServer server) : FeedTests(server);

[Collection(PostgresCollection.Name)]
public sealed class FeedsOnPostgres(PostgresServer server) : FeedTests(server);
