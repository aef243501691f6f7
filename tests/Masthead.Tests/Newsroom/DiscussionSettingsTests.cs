using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Newsroom;

/// <summary>Each provider's settings tests get a server of their own: the settings they save would change every other test's site.</summary>
public abstract class DiscussionSettingsTests(MastheadServer server)
{
    [Fact]
    public async Task Save_WordAddedToTheEnglishList_NextCommentWithItRejectedAtOnce()
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormAsync(admin);
        form["Form.WordLists[en]"] = "banned insult zorblaxian";
        form["Form.PreModeration"] = "None";

        var saved = await admin.PostAsync("/newsroom/settings/discussion", form);
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();
        await reader.PostCommentAsync($"/articles/{slug}", "Reader", "reader@example.com", "You are a zorblaxian and everyone knows it.");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var status = await server.DbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Status).SingleAsync());
        Assert.Equal(CommentStatus.Rejected, status);
        var change = await server.DbAsync(db => db.SettingsChanges.OrderByDescending(c => c.Id).FirstAsync());
        Assert.Contains("zorblaxian", change.After, StringComparison.Ordinal);
        Assert.EndsWith("@example.com", change.ChangedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_NestingDepthOne_ArticlePageStopsNestingAtOnce()
    {
        var slug = await server.ArticleAsync();
        var parent = await server.ApprovedCommentAsync(slug, "First", "first@example.com", "A top-level comment.");
        await server.ApprovedCommentAsync(slug, "Second", "second@example.com", "A reply to it.", parent);
        using var reader = server.NewReader();
        var before = await reader.PageAsync($"/articles/{slug}");
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormAsync(admin);
        form["Form.MaxDepth"] = "1";

        await admin.PostAsync("/newsroom/settings/discussion", form);
        var after = await reader.PageAsync($"/articles/{slug}");

        Assert.NotNull(before.Document.QuerySelector("ol.children li.comment"));
        Assert.Null(after.Document.QuerySelector("ol.children li.comment"));
        form["Form.MaxDepth"] = "4";
        form["Form.Version"] = (int.Parse(form["Form.Version"], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await admin.PostAsync("/newsroom/settings/discussion", form);
    }

    [Fact]
    public async Task Save_NameAndEmailOptionalNewestFirst_AnonymousCommentAcceptedAndNewestShownFirst()
    {
        var slug = await server.ArticleAsync();
        await server.ApprovedCommentAsync(slug, "Early", "early@example.com", "The first conversation.", at: DateTime.UtcNow.AddMinutes(-30));
        await server.ApprovedCommentAsync(slug, "Late", "late@example.com", "The latest conversation.", at: DateTime.UtcNow.AddMinutes(-5));
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormAsync(admin);
        form["Form.RequireNameAndEmail"] = "false";
        form["Form.NewestFirst"] = "true";

        await admin.PostAsync("/newsroom/settings/discussion", form);
        using var reader = server.NewReader();
        var posted = await reader.PostCommentAsync($"/articles/{slug}", "", "", "A remark from someone who gave no name.");
        var page = await reader.PageAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("Anonymous", await server.DbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).OrderByDescending(c => c.Id).Select(c => c.AuthorName).FirstAsync()));
        Assert.False(page.Document.QuerySelector("#comment-email")!.HasAttribute("required"));
        // The anonymous remark may lead or wait for moderation (that depends on what the shared
        // server has seen of "Anonymous" before); the two older conversations must come newest first.
        var texts = page.Document.QuerySelectorAll("ol.comment-list > li.comment").Select(c => c.TextContent).ToList();
        var latest = texts.FindIndex(t => t.Contains("The latest conversation.", StringComparison.Ordinal));
        var earliest = texts.FindIndex(t => t.Contains("The first conversation.", StringComparison.Ordinal));
        Assert.True(latest >= 0 && earliest > latest, $"latest at {latest}, first at {earliest}");

        form = await FormAsync(admin);
        form["Form.RequireNameAndEmail"] = "true";
        form["Form.NewestFirst"] = "false";
        await admin.PostAsync("/newsroom/settings/discussion", form);
    }

    [Fact]
    public async Task Save_TwoConversationsPerPage_DiscussionSplitAndAPostedCommentFoundOnItsPage()
    {
        var slug = await server.ArticleAsync();
        for (var i = 1; i <= 5; i++)
        {
            await server.ApprovedCommentAsync(slug, $"Reader {i}", $"r{i}@example.com", $"Conversation number {i}.", at: DateTime.UtcNow.AddMinutes(-60 + i));
        }

        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormAsync(admin);
        form["Form.ConversationsPerPage"] = "2";
        form["Form.RequireNameAndEmail"] = "true";
        await admin.PostAsync("/newsroom/settings/discussion", form);
        using var reader = server.NewReader();

        var first = await reader.PageAsync($"/articles/{slug}");
        var third = await reader.PageAsync($"/articles/{slug}?cpage=3");
        var posted = await reader.PostCommentAsync($"/articles/{slug}", "Newcomer", "newcomer@example.com", "Conversation number six, awaiting a moderator.");
        var landing = await reader.PageAsync(posted.Headers.Location!.OriginalString);

        Assert.Equal(["Conversation number 1.", "Conversation number 2."], Texts(first));
        Assert.Contains("5 comments", first.Text("#comments-title"), StringComparison.Ordinal);
        Assert.NotNull(first.Document.QuerySelector("nav.comment-pages a[rel=next]"));
        Assert.Equal(["Conversation number 5."], Texts(third));
        Assert.Contains("?c=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Texts(landing), t => t.StartsWith("Conversation number six", StringComparison.Ordinal));

        form = await FormAsync(admin);
        form["Form.ConversationsPerPage"] = "0";
        await admin.PostAsync("/newsroom/settings/discussion", form);
    }

    private static List<string> Texts(Reader.Page page) =>
        page.Document.QuerySelectorAll("ol.comment-list > li.comment .text").Select(t => t.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("Form.ThreatHold", "1.5")]
    [InlineData("Form.ThreatHold", "high")]
    [InlineData("Form.MaxDepth", "0")]
    [InlineData("Form.BlockedDomains", "not a domain")]
    [InlineData("Form.WordLists[ru]", "forbidden hate слово")]
    [InlineData("Form.PreModeration", "Sometimes")]
    public async Task Save_BadValue_RefusedFormRefilledNothingStored(string field, string value)
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var form = await FormAsync(admin);
        var changesBefore = await server.DbAsync(db => db.SettingsChanges.CountAsync());
        form[field] = value;

        var response = await admin.PostAsync("/newsroom/settings/discussion", form);
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(page.Document.QuerySelectorAll("#form-error li"));
        Assert.Equal(changesBefore, await server.DbAsync(db => db.SettingsChanges.CountAsync()));
        if (field != "Form.PreModeration")
        {
            var input = page.Document.QuerySelector($"[name='{field}']")!;
            Assert.Equal(value, input.TagName == "TEXTAREA" ? input.TextContent : input.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Save_FromAnOlderVersion_ConflictNotOverwritten()
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var first = await FormAsync(admin);
        var second = new Dictionary<string, string>(first);
        first["Form.TrustedAfter"] = "7";
        second["Form.TrustedAfter"] = "9";

        var saved = await admin.PostAsync("/newsroom/settings/discussion", first);
        var refused = await admin.PostAsync("/newsroom/settings/discussion", second);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("7", (await FormAsync(admin))["Form.TrustedAfter"]);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Author)]
    public async Task Settings_NotAnAdmin_Forbidden(string role)
    {
        using var member = await server.SignedInAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/newsroom/settings/discussion")).StatusCode);
    }

    /// <summary>The settings form as the browser would send it back unchanged.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(Reader admin) =>
        (await admin.PageAsync("/newsroom/settings/discussion")).FormFields("form.nr-settings");
}

public sealed class DiscussionSettingsOnSqlite(SqliteServer server) : DiscussionSettingsTests(server), IClassFixture<SqliteServer>;

public sealed class DiscussionSettingsOnPostgres(PostgresServer server) : DiscussionSettingsTests(server), IClassFixture<PostgresServer>;
