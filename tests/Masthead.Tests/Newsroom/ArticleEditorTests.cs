using System.Globalization;
using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Newsroom;

public abstract class ArticleEditorTests(MastheadServer server)
{
    [Fact]
    public async Task Create_EditorFillsTheForm_PublishedWithItsByline()
    {
        var author = TestContent.Unique("writer");
        await server.AuthorAsync(author, "Nadia Kovac");
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var slug = TestContent.Unique("grain");

        var response = await SaveAsync(editor, "/newsroom/articles/new", Fields(slug, author, "Grain deal talks resume"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        using var reader = server.NewReader();
        var page = await reader.PageAsync($"/articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Grain deal talks resume", page.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("Nadia Kovac", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title", "", "'title' is required")]
    [InlineData("Title", "Breaking: <script>alert(1)</script>", "plain text")]
    [InlineData("Slug", "Not A Slug!", "not a valid slug")]
    [InlineData("Status", "live", "'status' must be")]
    [InlineData("Date", "next Tuesday", "'date' is not a date")]
    [InlineData("Authors", "nobody-by-this-name", "Unknown author")]
    public async Task Create_BadField_RefusedWithMessageFormRefilledNothingSaved(string field, string value, string message)
    {
        var author = TestContent.Unique("writer");
        await server.AuthorAsync(author);
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var slug = TestContent.Unique("bad");
        var fields = Fields(slug, author, "A title");
        fields["Form." + field] = value;

        var response = await SaveAsync(editor, "/newsroom/articles/new", fields);
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.Text("#form-error"), StringComparison.Ordinal);
        Assert.Equal("The body, kept when the form comes back.", page.Document.QuerySelector("#body")!.TextContent);
        Assert.False(await server.DbAsync(db => db.Articles.AnyAsync(a => a.Slug == slug || a.Slug == "not-a-slug")));
    }

    [Fact]
    public async Task Save_SomeoneSavedInBetween_ConflictTextKeptNotOverwritten()
    {
        var slug = await server.ArticleAsync();
        var id = await server.DbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        using var first = await server.SignedInAsync(StaffRoles.Editor);
        using var second = await server.SignedInAsync(StaffRoles.Editor);
        var firstForm = await FormOfAsync(first, id);
        var secondForm = await FormOfAsync(second, id);

        firstForm["Form.Body"] = "The first editor's body.";
        secondForm["Form.Body"] = "The second editor's body.";
        var saved = await SaveAsync(first, $"/newsroom/articles/{id}", firstForm);
        var refused = await SaveAsync(second, $"/newsroom/articles/{id}", secondForm);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Reader.Page.ReadAsync(refused);
        Assert.Contains("Someone else saved", page.Text("#form-error"), StringComparison.Ordinal);
        Assert.Equal("The second editor's body.", page.Document.QuerySelector("#body")!.TextContent);
        Assert.Equal("The first editor's body.", await server.DbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task Save_PublishedSlugChanged_OldAddressRedirectsPermanently()
    {
        var slug = await server.ArticleAsync();
        var id = await server.DbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        using var editor = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormOfAsync(editor, id);
        var renamed = TestContent.Unique("renamed");
        form["Form.Slug"] = renamed;

        await SaveAsync(editor, $"/newsroom/articles/{id}", form);
        using var reader = server.NewReader();
        var old = await reader.GetAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith($"/articles/{renamed}", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_OldRevision_BecomesTheNewestVersion()
    {
        var slug = await server.ArticleAsync();
        var id = await server.DbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var form = await FormOfAsync(editor, id);
        form["Form.Body"] = "A rewrite that turned out badly.";
        await SaveAsync(editor, $"/newsroom/articles/{id}", form);
        var first = await server.DbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Version).FirstAsync());
        var page = await editor.PageAsync($"/newsroom/articles/{id}/revisions");
        var version = await server.DbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var response = await editor.PostAsync($"/newsroom/articles/{id}/revisions?handler=Restore", new Dictionary<string, string>
        {
            ["__csrf"] = page.CsrfToken, ["revision"] = first.Id.ToString(CultureInfo.InvariantCulture), ["version"] = version.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var article = await server.DbAsync(db => db.Articles.SingleAsync(a => a.Id == id));
        Assert.Equal(first.BodyMarkdown, article.BodyMarkdown);
        Assert.Equal(version + 1, article.Version);
        Assert.Equal(3, await server.DbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task AuthorRole_EditsOwnArticleOnly()
    {
        var byline = TestContent.Unique("own");
        await server.AuthorAsync(byline);
        var own = await server.ArticleAsync(authorSlug: byline);
        var other = await server.ArticleAsync();
        var ownId = await server.DbAsync(db => db.Articles.Where(a => a.Slug == own).Select(a => a.Id).SingleAsync());
        var otherId = await server.DbAsync(db => db.Articles.Where(a => a.Slug == other).Select(a => a.Id).SingleAsync());
        using var author = await server.SignedInAsync(StaffRoles.Author, byline);

        var ownPage = await author.GetAsync($"/newsroom/articles/{ownId}");
        var otherPage = await author.GetAsync($"/newsroom/articles/{otherId}");
        var list = await author.PageAsync("/newsroom/articles");

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherPage.StatusCode);
        var links = list.Document.QuerySelectorAll(".nr-table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/newsroom/articles/{ownId}", links);
        Assert.DoesNotContain($"/newsroom/articles/{otherId}", links);
    }

    [Fact]
    public async Task AuthorRole_RemovingOwnByline_Refused()
    {
        var byline = TestContent.Unique("own");
        await server.AuthorAsync(byline);
        var someoneElse = TestContent.Unique("else");
        await server.AuthorAsync(someoneElse);
        using var author = await server.SignedInAsync(StaffRoles.Author, byline);

        var response = await SaveAsync(author, "/newsroom/articles/new", Fields(TestContent.Unique("x"), someoneElse, "Under another name"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Moderator, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Author, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.OK)]
    public async Task ArticleList_EachRole_AllowedOnlyIfItWrites(string role, HttpStatusCode expected)
    {
        using var member = await server.SignedInAsync(role);

        Assert.Equal(expected, (await member.GetAsync("/newsroom/articles")).StatusCode);
        Assert.Equal(expected, (await member.GetAsync("/newsroom/articles/new")).StatusCode);
    }

    [Fact]
    public async Task Preview_Markdown_SanitizedHtml()
    {
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var token = (await editor.PageAsync("/newsroom/articles/new")).CsrfToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/api/preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "**Bold** <script>alert(1)</script>" }),
        };
        request.Headers.Add("X-CSRF-Token", token);

        var response = await editor.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string slug, string author, string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.Slug"] = slug,
        ["Form.Standfirst"] = "A standfirst.",
        ["Form.Body"] = "The body, kept when the form comes back.",
        ["Form.Authors"] = author,
        ["Form.Section"] = "World",
        ["Form.Tags"] = "Trade, Shipping",
        ["Form.Status"] = "published",
        ["Form.Date"] = "",
        ["Form.Comments"] = "true",
        ["Form.Version"] = "0",
    };

    private static async Task<HttpResponseMessage> SaveAsync(Reader member, string path, Dictionary<string, string> fields)
    {
        var token = (await member.PageAsync("/newsroom/articles/new")).CsrfToken;
        fields["__csrf"] = token;
        return await member.PostAsync(path, fields);
    }

    /// <summary>The editor's form for an article as the browser would send it back unchanged.</summary>
    private static async Task<Dictionary<string, string>> FormOfAsync(Reader member, int id) =>
        (await member.PageAsync($"/newsroom/articles/{id}")).FormFields("#article-form");
}

[Collection(SqliteCollection.Name)]
public sealed class ArticleEditorOnSqlite(SqliteServer server) : ArticleEditorTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ArticleEditorOnPostgres(PostgresServer server) : ArticleEditorTests(server);

public sealed class ScheduledArticleTests
{
    [Fact]
    public async Task Scheduled_PublishTimeReached_AppearsOnTheSiteNotBefore()
    {
        var server = new FakeClockServer();
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            var author = TestContent.Unique("writer");
            await server.AuthorAsync(author);
            using var editor = await server.SignedInAsync(StaffRoles.Editor);
            var slug = TestContent.Unique("later");
            var local = TimeZoneInfo.ConvertTimeFromUtc(server.Clock.GetUtcNow().UtcDateTime.AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            var token = (await editor.PageAsync("/newsroom/articles/new")).CsrfToken;

            var saved = await editor.PostAsync("/newsroom/articles/new", new Dictionary<string, string>
            {
                ["__csrf"] = token, ["Form.Title"] = "Embargoed until the summit", ["Form.Slug"] = slug, ["Form.Body"] = "Embargoed text.",
                ["Form.Authors"] = author, ["Form.Status"] = "scheduled", ["Form.Date"] = local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["Form.Comments"] = "true", ["Form.Version"] = "0",
            });
            using var reader = server.NewReader();
            var before = await reader.GetAsync($"/articles/{slug}");
            server.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
            var after = await reader.GetAsync($"/articles/{slug}");

            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }
}
