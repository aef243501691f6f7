using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Moderation;

public abstract class ModerationQueueTests(MastheadServer server)
{
    [Fact]
    public async Task Queue_CommentHeldByTheEngine_ShowsReasonsScoresAndHighlightedSpans()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();
        await reader.PostCommentAsync($"/articles/{slug}", "Angry Reader", "angry@example.com", "Mark, you are a worthless idiot and everyone here knows it.");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var page = await moderator.PageAsync($"/newsroom/moderation?article={slug}");

        var item = page.Document.QuerySelector(".nr-item")!;
        Assert.Contains(item.QuerySelectorAll("mark"), m => m.TextContent.Contains("idiot", StringComparison.Ordinal));
        Assert.NotEmpty(item.QuerySelectorAll(".nr-reasons li"));
        Assert.Contains(item.QuerySelectorAll(".nr-scores dt"), d => d.TextContent == "insult");
        Assert.Contains("Angry Reader", item.QuerySelector(".nr-by")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_ApproveFromTheQueue_PublishedAndAuditedWithTheModerator()
    {
        var slug = await server.ArticleAsync();
        var id = await server.HeldCommentAsync(slug, "Ferries to the islands run again from Monday.");
        var email = await server.UserAsync(StaffRoles.Moderator);
        using var moderator = server.NewReader();
        await moderator.SignInAsync(email);

        var response = await DecideAsync(moderator, slug, "approve", id);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("Approved 1 comment", Uri.UnescapeDataString(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var decision = await server.DbAsync(db => db.ModerationDecisions.SingleAsync(d => d.CommentId == id));
        Assert.Equal((CommentStatus.Pending, CommentStatus.Approved, email), (decision.From, decision.To, decision.Moderator));
        using var reader = server.NewReader();
        Assert.Contains("Ferries to the islands", (await reader.PageAsync($"/articles/{slug}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_BulkSpam_EverySelectedCommentMoved()
    {
        var slug = await server.ArticleAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await server.HeldCommentAsync(slug, $"Cheap watches number {i} at replica-watches.example"));
        }

        using var moderator = await server.SignedInAsync(StaffRoles.Editor);

        var response = await DecideAsync(moderator, slug, "spam", [.. ids]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var statuses = await server.DbAsync(db => db.Comments.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(CommentStatus.Spam, s));
        Assert.Equal(3, await server.DbAsync(db => db.ModerationDecisions.CountAsync(d => ids.Contains(d.CommentId) && d.Category == "spam")));
    }

    [Fact]
    public async Task Decide_AskedForJson_AnswersJsonAndRestoreReturnsToTheQueue()
    {
        var slug = await server.ArticleAsync();
        var id = await server.HeldCommentAsync(slug, "A remark first rejected, then restored.");
        using var moderator = await server.SignedInAsync(StaffRoles.Admin);

        var rejected = await DecideAsync(moderator, slug, "reject", [id], json: true);
        var restored = await DecideAsync(moderator, slug, "restore", [id], json: true);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        using var body = JsonDocument.Parse(await restored.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(CommentStatus.Pending, await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(2, await server.DbAsync(db => db.ModerationDecisions.CountAsync(d => d.CommentId == id)));
    }

    [Fact]
    public async Task Reported_ApprovedCommentWithReports_ListedWithReasonsAndKeepingItClosesThem()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Target", "target@example.com", "A sharp but fair remark about the minister.");
        await server.DbAsync(async db =>
        {
            db.CommentReports.Add(new CommentReport { CommentId = id, Reason = ReportReason.Abuse, Reporter = "reader-one", CreatedAt = DateTime.UtcNow });
            db.CommentReports.Add(new CommentReport { CommentId = id, Reason = ReportReason.Other, Text = "I just disagree", Reporter = "reader-two", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var page = await moderator.PageAsync($"/newsroom/moderation?tab=reported&article={slug}");
        var kept = await DecideAsync(moderator, slug, "approve", id);
        var after = await moderator.PageAsync($"/newsroom/moderation?tab=reported&article={slug}");

        var reports = page.Document.QuerySelectorAll(".nr-reports li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, reports.Count);
        Assert.Contains(reports, r => r.Contains("abuse", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Contains("I just disagree", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, kept.StatusCode);
        Assert.Empty(after.Document.QuerySelectorAll(".nr-item"));
        Assert.Equal(CommentStatus.Approved, await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Contains("2 report", await server.DbAsync(db => db.ModerationDecisions.Where(d => d.CommentId == id).Select(d => d.Note).SingleAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("")]
    public async Task Decide_UnknownDecision_BadRequestNothingChanged(string decision)
    {
        var slug = await server.ArticleAsync();
        var id = await server.HeldCommentAsync(slug, "Nothing should happen to this one.");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var response = await DecideAsync(moderator, slug, decision, id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await server.DbAsync(db => db.ModerationDecisions.AnyAsync(d => d.CommentId == id)));
    }

    [Fact]
    public async Task Ban_ByEmail_NextCommentFromThatEmailHeldAsBanned()
    {
        var slug = await server.ArticleAsync();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = await server.HeldCommentAsync(slug, "Something that earned a ban.", email);
        for (var i = 0; i < 3; i++)
        {
            await server.ApprovedCommentAsync(slug, "Regular", email, $"An earlier harmless comment {i}.");
        }

        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);
        var token = (await moderator.PageAsync($"/newsroom/moderation?article={slug}")).CsrfToken;

        var ban = await moderator.PostAsync($"/newsroom/moderation?handler=Ban&article={slug}", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Id"] = id.ToString(CultureInfo.InvariantCulture), ["Kinds"] = "email", ["Days"] = "7", ["Reason"] = "Repeated abuse",
        });
        using var reader = server.NewReader();
        await reader.PostCommentAsync($"/articles/{slug}", "Regular", email, "A perfectly calm remark about the harbour.");

        Assert.Equal(HttpStatusCode.SeeOther, ban.StatusCode);
        var latest = await server.DbAsync(db => db.Comments.Where(c => c.AuthorEmail == email).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal(CommentStatus.Pending, latest.Status);
        Assert.Contains("banned", latest.ModerationReason, StringComparison.Ordinal);
        var stored = await server.DbAsync(db => db.CommenterBans.SingleAsync(b => b.CommentId == id));
        Assert.NotNull(stored.ExpiresAt);
    }

    [Fact]
    public async Task Queue_FilteredByCategory_ShowsOnlyThatCategory()
    {
        var slug = await server.ArticleAsync();
        await server.HeldCommentAsync(slug, "An insulting one.", category: "insult");
        await server.HeldCommentAsync(slug, "A spammy one.", category: "spam");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var page = await moderator.PageAsync($"/newsroom/moderation?article={slug}&category=insult");

        var texts = page.Document.QuerySelectorAll(".nr-text").Select(t => t.TextContent).ToList();
        Assert.Equal(["An insulting one."], texts);
    }

    [Theory]
    [InlineData("tab=everything")]
    [InlineData("order=sideways")]
    [InlineData("category=rudeness")]
    [InlineData("page=0")]
    public async Task Queue_BadFilter_BadRequest(string query)
    {
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var response = await moderator.GetAsync($"/newsroom/moderation?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_HeldComment_ReturnsTheEnginesExplanationWithSpanTexts()
    {
        var slug = await server.ArticleAsync();
        using var reader = server.NewReader();
        await reader.PostCommentAsync($"/articles/{slug}", "Angry Reader", "angry2@example.com", "Nuke the whole city and let them all burn.");
        var id = await server.DbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var response = await moderator.GetAsync($"/newsroom/api/comments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var moderation = json.RootElement.GetProperty("comment").GetProperty("moderation");
        Assert.Equal(0, json.RootElement.GetProperty("decisions").GetArrayLength());
        Assert.NotEqual("approve", moderation.GetProperty("action").GetString());
        Assert.True(moderation.GetProperty("scores").GetProperty("threat").GetDouble() > 0.5);
        Assert.NotEqual(0, moderation.GetProperty("reasons").GetArrayLength());
        Assert.Contains(moderation.GetProperty("spans").EnumerateArray(), s => s.GetProperty("text").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync("/newsroom/api/comments/987654321")).StatusCode);
    }

    private static async Task<HttpResponseMessage> DecideAsync(Reader moderator, string slug, string decision, params long[] ids) =>
        await DecideAsync(moderator, slug, decision, ids, json: false);

    private static async Task<HttpResponseMessage> DecideAsync(Reader moderator, string slug, string decision, long[] ids, bool json)
    {
        var token = (await moderator.PageAsync($"/newsroom/moderation?article={slug}")).CsrfToken;
        var fields = new List<KeyValuePair<string, string>> { new("__csrf", token), new("Decision", decision) };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString(CultureInfo.InvariantCulture))));
        using var content = new FormUrlEncodedContent(fields);
        if (json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/newsroom/moderation?handler=Decide&article={slug}") { Content = content };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await moderator.SendAsync(request);
        }

        return await moderator.PostAsync($"/newsroom/moderation?handler=Decide&article={slug}", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ModerationQueueOnSqlite(SqliteServer server) : ModerationQueueTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ModerationQueueOnPostgres(PostgresServer server) : ModerationQueueTests(server);
