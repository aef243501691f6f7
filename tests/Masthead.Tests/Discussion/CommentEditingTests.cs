using System.Net;
using Masthead.Data.Entities;
using Masthead.Discussion.Editing;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Discussion;

public abstract class CommentEditingTests(MastheadServer server)
{
    [Fact]
    public async Task Edit_OwnCommentWithinTheWindow_TextReplacedMarkedEditedAndEarlierTextKept()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "The corridor carried 11 milion tonnes.");

        var link = (await poster.PageAsync($"/articles/{slug}")).Document.QuerySelector($"#comment-{id} a.edit")!.GetAttribute("href")!;
        var saved = await SaveAsync(poster, link, "The corridor carried 11 million tonnes.");

        using var other = server.NewReader();
        var page = await other.PageAsync($"/articles/{slug}");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains("11 million tonnes", page.Document.QuerySelector($"#comment-{id} .text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"#comment-{id} .edited"));
        Assert.Null(page.Document.QuerySelector($"#comment-{id} a.edit"));
        var revision = await server.DbAsync(db => db.CommentRevisions.SingleAsync(r => r.CommentId == id));
        Assert.Equal("The corridor carried 11 milion tonnes.", revision.BodyMarkdown);
    }

    [Fact]
    public async Task Edit_IntoAbuse_ModeratedAgainAndHiddenFromOthers()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "I disagree with the analysis of the port figures.");

        await SaveAsync(poster, $"/articles/{slug}/comments/{id}/edit", "Mark, you are a worthless idiot and everyone here knows it.");

        using var other = server.NewReader();
        Assert.Null((await other.PageAsync($"/articles/{slug}")).Document.QuerySelector($"#comment-{id}"));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task Edit_SomeoneElseOrAWrongSecret_NotFoundAndNoEditLink()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "A remark that only its poster may change.");
        using var other = server.NewReader();

        var page = await other.PageAsync($"/articles/{slug}");
        var plain = await other.GetAsync($"/articles/{slug}/comments/{id}/edit");
        var guessed = await other.GetAsync($"/articles/{slug}/comments/{id}/edit?key=guess");
        var token = page.CsrfToken;
        var posted = await other.PostAsync($"/articles/{slug}/comments/{id}/edit?handler=Delete", [new("__csrf", token), new("Form.Key", "guess")]);

        Assert.Null(page.Document.QuerySelector($"#comment-{id} a.edit"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (plain.StatusCode, guessed.StatusCode, posted.StatusCode));
        Assert.Equal(CommentStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task Edit_SecretLinkInAnotherBrowser_Allowed()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "Posted from a phone.");
        var key = EditKeys.New();
        await server.DbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EditKeyHash, EditKeys.Hash(key))));
        using var laptop = server.NewReader();

        var form = await laptop.PageAsync($"/articles/{slug}/comments/{id}/edit?key={key}");
        var saved = await laptop.PostAsync($"/articles/{slug}/comments/{id}/edit", [new("__csrf", form.CsrfToken), new("Form.Key", key), new("Form.Body", "Posted from a phone, fixed on a laptop.")]);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal("Posted from a phone, fixed on a laptop.", await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task Delete_CommentWithReplies_PlaceholderKeepsTheThread()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "A first remark that will be withdrawn.");
        var reply = await server.ApprovedCommentAsync(slug, "Replier", "replier@example.com", "A reply that should stay readable.", parentId: id);

        var deleted = await DeleteAsync(poster, slug, id);
        server.InvalidatePages();

        using var other = server.NewReader();
        var page = await other.PageAsync($"/articles/{slug}");
        var placeholder = page.Document.QuerySelector($"#comment-{id}")!;
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("Comment deleted.", placeholder.QuerySelector(".deleted-note")!.TextContent);
        Assert.DoesNotContain("withdrawn", placeholder.TextContent, StringComparison.Ordinal);
        Assert.NotNull(placeholder.QuerySelector($"#comment-{reply}"));
        Assert.Contains("1 comment", page.Document.QuerySelector("#comments-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_CommentWithoutReplies_GoneFromThePage()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "Posted by mistake.");

        await DeleteAsync(poster, slug, id);

        using var other = server.NewReader();
        Assert.Null((await other.PageAsync($"/articles/{slug}")).Document.QuerySelector($"#comment-{id}"));
        Assert.Equal(CommentStatus.Deleted, await StatusAsync(id));
    }

    [Fact]
    public async Task Edit_EmptyTextOrForgedPost_RefusedAndTextKept()
    {
        var slug = await server.ArticleAsync();
        using var poster = server.NewReader();
        var id = await PostApprovedAsync(poster, slug, "Text that must survive bad edits.");

        var empty = await SaveAsync(poster, $"/articles/{slug}/comments/{id}/edit", "   ");
        var forged = await poster.PostAsync($"/articles/{slug}/comments/{id}/edit", [new("Form.Body", "Changed without a token.")]);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty.StatusCode, forged.StatusCode));
        Assert.Equal("Text that must survive bad edits.", await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.BodyMarkdown).SingleAsync()));
    }

    private Task<CommentStatus> StatusAsync(long id) => server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    /// <summary>Posts through the form (which sets the own-comments cookie), then approves as a moderator would.</summary>
    private async Task<long> PostApprovedAsync(Reader poster, string slug, string body)
    {
        var id = Reader.CommentIdOf(await poster.PostCommentAsync($"/articles/{slug}", "Poster", $"{Guid.NewGuid():N}@example.com", body));
        await server.DbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        server.InvalidatePages();
        return id;
    }

    private static async Task<HttpResponseMessage> SaveAsync(Reader poster, string editPath, string body)
    {
        var form = await poster.PageAsync(editPath);
        return await poster.PostAsync(editPath, [new("__csrf", form.CsrfToken), new("Form.Key", ""), new("Form.Body", body)]);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(Reader poster, string slug, long id)
    {
        var form = await poster.PageAsync($"/articles/{slug}/comments/{id}/edit");
        return await poster.PostAsync($"/articles/{slug}/comments/{id}/edit?handler=Delete", [new("__csrf", form.CsrfToken), new("Form.Key", "")]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommentEditingOnSqlite(SqliteServer server) : CommentEditingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CommentEditingOnPostgres(PostgresServer server) : CommentEditingTests(server);

public sealed class CommentEditWindowTests(FakeClockServer server) : IClassFixture<FakeClockServer>
{
    [Fact]
    public async Task Edit_AfterTheWindow_RefusedWithAnExplanation()
    {
        var slug = await server.ArticleAsync(date: server.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        using var poster = server.NewReader();
        var id = Reader.CommentIdOf(await poster.PostCommentAsync($"/articles/{slug}", "Late", "late@example.com", "Posted, then forgotten."));

        var within = await poster.GetAsync($"/articles/{slug}/comments/{id}/edit");
        server.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await poster.PageAsync($"/articles/{slug}/comments/{id}/edit");

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Contains("has passed", after.Document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form.edit-form"));
    }
}
