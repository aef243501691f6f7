using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Discussion;

public abstract class CommentPostingTests(MastheadServer server)
{
    [Fact]
    public async Task Post_FirstTimeCommenter_HeldAndShownOnlyToThePoster()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        using var stranger = server.NewReader();

        var response = await poster.PostCommentAsync($"/articles/{slug}", "New Reader", "new.reader@example.com", "My first comment here.");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.DbAsync(db => db.Comments.SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal(CommentStatus.Pending, stored.Status);
        // The address names the comment, so that the page holding it is shown when the discussion has several.
        Assert.Equal($"/articles/{slug}?c={stored.Id}#comment-{stored.Id}", response.Headers.Location!.OriginalString);

        var own = await poster.PageAsync($"/articles/{slug}");
        var mine = own.Document.QuerySelector($"#comment-{stored.Id}")!;
        Assert.Contains("awaiting moderation", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("My first comment here.", mine.TextContent, StringComparison.Ordinal);

        var other = await stranger.PageAsync($"/articles/{slug}");
        Assert.Null(other.Document.QuerySelector($"#comment-{stored.Id}"));
        Assert.DoesNotContain("My first comment here.", other.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReturningApprovedCommenter_PublishedAtOnceForEveryone()
    {
        var slug = await server.ArticleAsync();
        var email = $"{TestContent.Unique("regular")}@example.com";
        await server.ApprovedCommentAsync(slug, "Regular", email, "An earlier approved comment.");
        using var stranger = server.NewReader();
        await stranger.PageAsync($"/articles/{slug}"); // puts the page in the cache
        using var poster = server.NewReader();

        var response = await poster.PostCommentAsync($"/articles/{slug}", "Regular", email.ToUpperInvariant(), "Back again with a new point.");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.DbAsync(db => db.Comments.OrderBy(c => c.Id).LastAsync(c => c.Article.Slug == slug));
        Assert.Equal(CommentStatus.Approved, stored.Status);
        var page = await stranger.PageAsync($"/articles/{slug}");
        Assert.Contains("Back again with a new point.", page.Html, StringComparison.Ordinal);
        Assert.Equal("2 comments on “A test article”", page.Text("#comments-title"));
    }

    public static TheoryData<string, string, string, string, string> InvalidForms => new()
    {
        { "", "a@example.com", "Text", "", "Name" },
        { "Name", "", "Text", "", "Email" },
        { "Name", "not-an-email", "Text", "", "Email" },
        { "Name", "a@example.com", "", "", "Body" },
        { "Name", "a@example.com", "   ", "", "Body" },
        { "Name", "a@example.com", new string('x', 5001), "", "Body" },
        { new string('n', 101), "a@example.com", "Text", "", "Name" },
        { "Name", "a@example.com", "Text", "javascript:alert(1)", "Website" },
        { "Name", "a@example.com", "Text", "ftp://files.example/", "Website" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task Post_InvalidField_400WithMessageBesideFieldAndFormRefilled(string name, string email, string body, string website, string field)
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", name, email, body, website);
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var id = "comment-" + field.ToLowerInvariant();
        Assert.NotNull(page.Document.QuerySelector($"#{id}-error"));
        Assert.Equal("true", page.Document.QuerySelector($"#{id}")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.Document.QuerySelector($".form-errors a[href='#{id}']"));
        Assert.Equal(name, page.Document.QuerySelector("#comment-name")!.GetAttribute("value") ?? "");
        Assert.Equal(email, page.Document.QuerySelector("#comment-email")!.GetAttribute("value") ?? "");
        Assert.Equal(body.Trim(), page.Document.QuerySelector("#comment-body")!.TextContent.Trim());
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_BadAntiForgeryToken_400WithTextKeptAndNothingStored()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Name", "a@example.com", "Words I do not want to lose.",
            extra: new Dictionary<string, string> { ["__csrf"] = "forged-token" });
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("did not come from this site", page.Text(".form-errors"), StringComparison.Ordinal);
        Assert.Equal("Words I do not want to lose.", page.Document.QuerySelector("#comment-body")!.TextContent);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_WithoutAntiForgeryCookie_400AndNothingStored()
    {
        var slug = await server.ArticleAsync();
        using var withPage = server.NewReader();
        var token = (await withPage.PageAsync($"/articles/{slug}")).CsrfToken;
        using var crossSite = server.NewReader(); // a forged post from elsewhere carries no cookie of ours

        var response = await crossSite.PostAsync($"/articles/{slug}", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Form.Name"] = "N", ["Form.Email"] = "n@example.com", ["Form.Body"] = "Forged",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_OversizedBody_413AndNothingStored()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Name", "a@example.com", new string('z', 200_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Reader.Page.ReadAsync(response);
        Assert.Contains("too much", page.Text("h1"), StringComparison.Ordinal);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_HoneypotFilled_LooksAcceptedButNothingStored()
    {
        var slug = await server.ArticleAsync();
        using var bot = server.NewReader();

        var response = await bot.PostCommentAsync($"/articles/{slug}", "Bot", "bot@example.com", "Buy now",
            extra: new Dictionary<string, string> { ["Form.Homepage"] = "https://spam.example" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_HtmlAndScriptInText_StoredAsSafeHtmlWithNofollowLinks()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        await reader.PostCommentAsync($"/articles/{slug}", "<b>Bold</b> name", "x@example.com",
            "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) and [fine](https://ok.example/) **bold**");
        var comment = await server.DbAsync(db => db.Comments.SingleAsync(c => c.Article.Slug == slug));
        var page = await reader.PageAsync($"/articles/{slug}");
        var body = page.Document.QuerySelector($"#comment-{comment.Id} .text")!;

        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", body.InnerHtml, StringComparison.Ordinal);
        var link = body.QuerySelector("a[href='https://ok.example/']")!;
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.NotNull(body.QuerySelector("strong"));
        Assert.Equal("<b>Bold</b> name", page.Text($"#comment-{comment.Id} .by"));
    }

    [Fact]
    public async Task Post_ReplyToApprovedComment_NestedUnderItsParent()
    {
        var slug = await server.ArticleAsync();
        var email = $"{TestContent.Unique("replier")}@example.com";
        await server.ApprovedCommentAsync(slug, "Replier", email, "Earlier comment, makes me trusted.");
        var parent = await server.ApprovedCommentAsync(slug, "Parent", "parent@example.com", "The parent.");
        using var reader = server.NewReader();

        var form = await reader.PageAsync($"/articles/{slug}?replytocom={parent}");
        Assert.Equal("Reply to Parent", form.Text("#reply-title span"));
        Assert.Equal(parent.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Document.QuerySelector("#comment-reply-to")!.GetAttribute("value"));
        var response = await reader.PostCommentAsync($"/articles/{slug}", "Replier", email, "The reply.", replyTo: parent);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await reader.PageAsync($"/articles/{slug}");
        var nested = page.Document.QuerySelector($"#comment-{parent} > ol.children > li .text")!;
        Assert.Contains("The reply.", nested.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReplyToCommentOfAnotherArticle_400AndTextKept()
    {
        var slug = await server.ArticleAsync();
        var elsewhere = await server.ArticleAsync();
        var foreign = await server.ApprovedCommentAsync(elsewhere, "Else", "else@example.com", "Elsewhere.");
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Name", "n@example.com", "Keep me.", replyTo: foreign);
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Keep me.", page.Document.QuerySelector("#comment-body")!.TextContent);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_ArticleOlderThanTheCommentWindow_FormClosedAndPost403()
    {
        var slug = await server.ArticleAsync(date: DateTime.UtcNow.AddDays(-45));
        using var reader = server.NewReader();
        var open = await server.ArticleAsync();
        var token = (await reader.PageAsync($"/articles/{open}")).CsrfToken;

        var page = await reader.PageAsync($"/articles/{slug}");
        var response = await reader.PostAsync($"/articles/{slug}", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Form.Name"] = "Late", ["Form.Email"] = "late@example.com", ["Form.Body"] = "Too late?",
        });

        Assert.Equal("Comments are closed.", page.Text(".comments-closed"));
        Assert.Null(page.Document.QuerySelector("#comment-form"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_BannedPhraseFromTrustedCommenter_RejectedWithReasonsAndSpansStored()
    {
        var slug = await server.ArticleAsync();
        var email = $"{TestContent.Unique("turned")}@example.com";
        await server.ApprovedCommentAsync(slug, "Turned", email, "An earlier, approved comment.");
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Turned", email, "Enough talk: gas the jews.");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.DbAsync(db => db.Comments.OrderBy(c => c.Id).LastAsync(c => c.Article.Slug == slug));
        Assert.Equal(CommentStatus.Rejected, stored.Status);
        using var details = System.Text.Json.JsonDocument.Parse(stored.ModerationDetails!);
        Assert.Equal("reject", details.RootElement.GetProperty("action").GetString());
        Assert.Contains(details.RootElement.GetProperty("spans").EnumerateArray(),
            span => stored.BodyMarkdown.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()) == "gas the jews");
        var page = await reader.PageAsync($"/articles/{slug}");
        Assert.DoesNotContain("gas the", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OrdinaryCommentFromTrustedCommenter_EngineApprovesIt()
    {
        var slug = await server.ArticleAsync();
        var email = $"{TestContent.Unique("steady")}@example.com";
        await server.ApprovedCommentAsync(slug, "Steady", email, "An earlier, approved comment.");
        using var reader = server.NewReader();

        await reader.PostCommentAsync($"/articles/{slug}", "Steady", email, "Insurers moved faster than the navies did; the piece gets that right.");

        var stored = await server.DbAsync(db => db.Comments.OrderBy(c => c.Id).LastAsync(c => c.Article.Slug == slug));
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.Contains("\"action\":\"approve\"", stored.ModerationDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WindowsLineBreaks_CountOnceAgainstTheLimit()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();
        var body = string.Concat(Enumerable.Repeat(new string('x', 249) + "\r\n", 20));

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Lines", "lines@example.com", body);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.DbAsync(db => db.Comments.SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal(4999, stored.BodyMarkdown.Length);
        Assert.DoesNotContain('\r', stored.BodyMarkdown);
    }

    [Fact]
    public async Task Post_ControlCharacters_RemovedBeforeStoring()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        await reader.PostCommentAsync($"/articles/{slug}", "Ann\u000B", "ann@example.com", "hi\u0001 there\u0007");

        var stored = await server.DbAsync(db => db.Comments.SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal(("Ann", "hi there"), (stored.AuthorName, stored.BodyMarkdown));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{slug}/comments/feed")).StatusCode);
    }

    [Fact]
    public async Task Post_UnreadableForm_400WithMessageAndNothingStored()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        var response = await reader.PostCommentAsync($"/articles/{slug}", "Nul", "nul@example.com", "hi\u0000 there");
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".form-errors"));
        Assert.Equal(0, await server.DbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task Post_OversizedBodyToUpperCasePath_Still413()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();
        var token = (await reader.PageAsync($"/articles/{slug}")).CsrfToken;

        var response = await reader.PostAsync($"/ARTICLES/{slug}", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Form.Name"] = "N", ["Form.Email"] = "n@example.com", ["Form.Body"] = new string('z', 200_000),
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Put_ArticlePage_405()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();

        var response = await reader.PutAsync($"/articles/{slug}", new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_StoresIpAndUserAgentForModerators_NeverShowsEmail()
    {
        var slug = await server.ArticleAsync();
        var email = $"{TestContent.Unique("private")}@example.com";
        await server.ApprovedCommentAsync(slug, "Private", email, "Trusted.");
        using var reader = server.NewReader();

        await reader.PostCommentAsync($"/articles/{slug}", "Private", email, "Second comment.");

        var stored = await server.DbAsync(db => db.Comments.OrderBy(c => c.Id).LastAsync(c => c.Article.Slug == slug));
        Assert.Equal("127.0.0.1", stored.IpAddress);
        var page = await reader.PageAsync($"/articles/{slug}");
        Assert.DoesNotContain(email, page.Html, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommentPostingOnSqlite(SqliteServer server) : CommentPostingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CommentPostingOnPostgres(PostgresServer server) : CommentPostingTests(server);
