using System.Net;
using System.Text.Json;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Articles;

public abstract class ReaderPagesTests(MastheadServer server)
{
    [Fact]
    public async Task Home_WithPublishedArticle_ListsItWithStandfirstAuthorDateAndCount()
    {
        var slug = await server.ArticleAsync(title: "Home listing check");
        await server.ApprovedCommentAsync(slug, "Ana", "ana@example.com", "First!");
        using var reader = server.NewReader();

        var page = await reader.PageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var card = page.Document.QuerySelectorAll(".article-card").Single(c => c.QuerySelector($"a[href='/articles/{slug}']") is not null);
        Assert.Contains("The standfirst of Home listing check.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Test Author", card.QuerySelector("a[href^='/authors/']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("time[datetime]"));
        Assert.Contains("1 comment", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_PageBeyondTheLast_Returns404InSiteLook()
    {
        using var reader = server.NewReader();

        var page = await reader.PageAsync("/?page=9999");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.Document.QuerySelector("header.site-header .brand"));
    }

    [Fact]
    public async Task Article_Published_ShowsTitleBylineBodyAndAboutTheAuthor()
    {
        var author = TestContent.Unique("writer");
        await server.AuthorAsync(author, name: "Mira Kovač", bio: "Mira reports from the Balkans.", x: "mirak");
        var slug = await server.ArticleAsync(title: "Bridges over the Drina", authorSlug: author);
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Bridges over the Drina", page.Text("h1"));
        var byline = page.Document.QuerySelector(".byline a[rel=author]")!;
        Assert.Equal($"/authors/{author}", byline.GetAttribute("href"));
        Assert.Equal("Mira Kovač", byline.TextContent);
        Assert.Equal("A sub-heading", page.Text(".article-body h2"));
        var about = page.Document.QuerySelector(".about-author")!;
        Assert.Contains("About the Author", about.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mira reports from the Balkans.", about.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://x.com/mirak", about.QuerySelector("a[href*='x.com']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Article_HeadMetadata_HasCanonicalOpenGraphTwitterAndNewsArticle()
    {
        var slug = await server.ArticleAsync(title: "Metadata 'check' & more, 3 < 5");
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        var canonical = page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.Equal(new Uri(server.BaseAddress, $"/articles/{slug}").ToString(), canonical);
        Assert.Equal("Metadata 'check' & more, 3 < 5", page.Document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("article", page.Document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("summary", page.Document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal("@testauthor", page.Document.QuerySelector("meta[name='twitter:creator']")!.GetAttribute("content"));

        var json = page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.DoesNotContain("<check>", json, StringComparison.Ordinal);
        using var ld = JsonDocument.Parse(json);
        Assert.Equal("NewsArticle", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Metadata 'check' & more, 3 < 5", ld.RootElement.GetProperty("headline").GetString());
        Assert.Equal("Test Author", ld.RootElement.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.True(DateTimeOffset.TryParse(ld.RootElement.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(ld.RootElement.GetProperty("dateModified").GetString(), out _));
    }

    [Fact]
    public async Task Article_WithCommentsAndPingback_ShowsThreadsDatesAndPingbackLine()
    {
        var slug = await server.ArticleAsync(title: "Thread rendering");
        var at = new DateTime(2024, 10, 23, 14, 38, 0, DateTimeKind.Utc); // 3:38 pm in London (BST)
        var first = await server.ApprovedCommentAsync(slug, "Olga", "olga@example.com", "Top-level point.", at: at);
        var reply = await server.ApprovedCommentAsync(slug, "Piet", "piet@example.com", "A reply.", parentId: first, at: at.AddMinutes(5));
        await server.DbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            db.Linkbacks.Add(new Linkback
            {
                ArticleId = article.Id,
                Kind = LinkbackKind.Pingback,
                SourceUrl = "https://blog.example/notes",
                Title = "Notes on the Drina",
                SiteName = "Field Notes",
                Status = LinkbackStatus.Approved,
                ReceivedAt = at.AddHours(1),
            });
            db.Linkbacks.Add(new Linkback
            {
                ArticleId = article.Id,
                Kind = LinkbackKind.Pingback,
                SourceUrl = "https://spam.example/",
                Title = "Held pingback",
                SiteName = "Spam",
                Status = LinkbackStatus.Pending,
                ReceivedAt = at.AddHours(1),
            });
            return await db.SaveChangesAsync();
        });
        server.InvalidatePages();
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        var top = page.Document.QuerySelector($"#comment-{first}")!;
        Assert.Equal("October 23, 2024 at 3:38 pm", top.QuerySelector("header > a time")!.TextContent);
        Assert.Equal($"#comment-{first}", top.QuerySelector("header > a")!.GetAttribute("href"));
        Assert.NotNull(top.QuerySelector($"ol.children > li#comment-{reply}"));
        var linkback = page.Document.QuerySelector(".linkback a")!;
        Assert.Equal("Pingback: Notes on the Drina – Field Notes", linkback.ParentElement!.TextContent.Trim());
        Assert.Equal("https://blog.example/notes", linkback.GetAttribute("href"));
        Assert.Equal("nofollow ugc", linkback.GetAttribute("rel"));
        Assert.DoesNotContain("Held pingback", page.Html, StringComparison.Ordinal);
        Assert.Equal("2 comments on “Thread rendering”", page.Text("#comments-title"));
    }

    [Fact]
    public async Task Article_CommenterWithWebsite_NameLinksWithNofollowUgc()
    {
        var slug = await server.ArticleAsync();
        var id = await server.DbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            var c = new Comment
            {
                ArticleId = article.Id, AuthorName = "Site Owner", AuthorEmail = "owner@example.com", AuthorUrl = "https://owner.example/",
                BodyMarkdown = "Hi", BodyHtml = "<p>Hi</p>", CreatedAt = DateTime.UtcNow, Status = CommentStatus.Approved,
            };
            db.Comments.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        server.InvalidatePages();
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        var link = page.Document.QuerySelector($"#comment-{id} .by a")!;
        Assert.Equal("https://owner.example/", link.GetAttribute("href"));
        Assert.Contains("nofollow", link.GetAttribute("rel")!, StringComparison.Ordinal);
        Assert.Contains("ugc", link.GetAttribute("rel")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_UnknownSlug_Returns404InSiteLook()
    {
        using var reader = server.NewReader();

        var page = await reader.PageAsync("/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.Document.QuerySelector("link[href='/css/site.css']"));
    }

    [Fact]
    public async Task Article_Withdrawn_Returns410()
    {
        var slug = await server.ArticleAsync();
        await server.ArticleAsync(slug: slug, status: "withdrawn", authorSlug: await AuthorOfAsync(slug));
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("This article has been withdrawn", page.Text("h1"));
    }

    [Fact]
    public async Task Article_Draft_Returns404()
    {
        var slug = await server.ArticleAsync(status: "draft");
        using var reader = server.NewReader();

        var response = await reader.GetAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Article_ScheduledInTheFuture_Returns404()
    {
        var slug = await server.ArticleAsync(status: "scheduled", date: DateTime.UtcNow.AddDays(2));
        using var reader = server.NewReader();

        var response = await reader.GetAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Article_SlugChangedAfterPublishing_OldSlugAnswers301ToNewOne()
    {
        var oldSlug = await server.ArticleAsync();
        var newSlug = TestContent.Unique("renamed");
        await server.ArticleAsync(slug: newSlug, renamedFrom: oldSlug, authorSlug: await AuthorOfAsync(oldSlug));
        using var reader = server.NewReader();

        var response = await reader.GetAsync($"/articles/{oldSlug}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/articles/{newSlug}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{newSlug}")).StatusCode);
    }

    [Fact]
    public async Task AuthorPage_KnownAuthor_ShowsBioSocialLinksAndArticles()
    {
        var author = TestContent.Unique("author");
        await server.AuthorAsync(author, name: "Kofi Mensah", bio: "Covers the Sahel.", x: "kofim");
        var slug = await server.ArticleAsync(title: "Sahel supply lines", authorSlug: author);
        using var reader = server.NewReader();

        var page = await reader.PageAsync($"/authors/{author}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Kofi Mensah", page.Text("h1"));
        Assert.Contains("Covers the Sahel.", page.Html, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://x.com/kofim']"));
        Assert.NotNull(page.Document.QuerySelector($".article-list a[href='/articles/{slug}']"));
    }

    [Fact]
    public async Task AuthorPage_UnknownAuthor_Returns404()
    {
        using var reader = server.NewReader();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/authors/nobody-here")).StatusCode);
    }

    [Fact]
    public async Task TagAndSectionPages_ListTheirArticles()
    {
        var tag = TestContent.Unique("Tag");
        var section = TestContent.Unique("Desk");
        var slug = await server.ArticleAsync(tags: [tag], section: section);
        using var reader = server.NewReader();

        var tagPage = await reader.PageAsync($"/tags/{tag.ToLowerInvariant()}");
        var sectionPage = await reader.PageAsync($"/sections/{section.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, tagPage.Status);
        Assert.NotNull(tagPage.Document.QuerySelector($".article-list a[href='/articles/{slug}']"));
        Assert.Equal(HttpStatusCode.OK, sectionPage.Status);
        Assert.NotNull(sectionPage.Document.QuerySelector($".article-list a[href='/articles/{slug}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/tags/no-such-tag")).StatusCode);
    }

    [Fact]
    public async Task AnyPage_CarriesSecurityHeaders()
    {
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Stylesheet_IsServed()
    {
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".article-body", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_FromCache_EachReaderGetsAWorkingTokenOfTheirOwn()
    {
        var slug = await server.ArticleAsync();
        using var first = server.NewReader();
        using var second = server.NewReader();

        var miss = await first.PageAsync($"/articles/{slug}");
        var hit = await second.PageAsync($"/articles/{slug}");
        var posted = await second.PostAsync($"/articles/{slug}", new Dictionary<string, string>
        {
            ["__csrf"] = hit.CsrfToken, ["Form.Name"] = "Cached", ["Form.Email"] = "cached@example.com", ["Form.Body"] = "From a cached page.",
        });

        Assert.Equal("miss", miss.Response.Headers.GetValues("X-Page-Cache").Single());
        Assert.Equal("hit", hit.Response.Headers.GetValues("X-Page-Cache").Single());
        Assert.NotEqual(miss.CsrfToken, hit.CsrfToken);
        Assert.DoesNotContain(Masthead.Site.PageCache.TokenPlaceholder, hit.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
    }

    private Task<string> AuthorOfAsync(string articleSlug) =>
        server.DbAsync(db => db.ArticleAuthors.Where(a => a.Article.Slug == articleSlug).Select(a => a.Author.Slug).FirstAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class ReaderPagesOnSqlite(SqliteServer server) : ReaderPagesTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReaderPagesOnPostgres(PostgresServer server) : ReaderPagesTests(server);
