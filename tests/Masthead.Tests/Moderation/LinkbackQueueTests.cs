using System.Globalization;
using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Moderation;

public abstract class LinkbackQueueTests(MastheadServer server)
{
    [Fact]
    public async Task LinkbacksTab_PendingPingback_ShownAndApprovedOntoTheArticle()
    {
        var slug = await server.ArticleAsync();
        var title = TestContent.Unique("Harbour notes");
        var id = await PendingLinkbackAsync(slug, title);
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var queue = await moderator.PageAsync("/newsroom/moderation");
        var tab = await moderator.PageAsync("/newsroom/moderation/linkbacks");
        var item = tab.Document.QuerySelector($"#l{id}")!;
        var response = await moderator.PostAsync("/newsroom/moderation/linkbacks?tab=pending", [new("__csrf", tab.CsrfToken), new("Id", id.ToString(CultureInfo.InvariantCulture)), new("Decision", "approve")]);

        Assert.Contains(queue.Document.QuerySelectorAll(".nr-tabs a"), a => a.TextContent.StartsWith("Linkbacks", StringComparison.Ordinal));
        Assert.Contains("Pingback: Harbour Log", item.QuerySelector(".nr-by")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, item.QuerySelector(".nr-linkback-title")!.TextContent);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(LinkbackStatus.Approved, await server.DbAsync(db => db.Linkbacks.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
        using var reader = server.NewReader();
        var article = await reader.PageAsync($"/articles/{slug}");
        Assert.Contains(article.Document.QuerySelectorAll("li.linkback"), l => l.TextContent.Contains($"Pingback: {title} – Harbour Log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkbacksTab_MarkedSpam_LeavesTheArticleAndShowsUnderSpam()
    {
        var slug = await server.ArticleAsync();
        var id = await PendingLinkbackAsync(slug, TestContent.Unique("Cheap pills"), LinkbackStatus.Approved);
        using var moderator = await server.SignedInAsync(StaffRoles.Editor);
        var token = (await moderator.PageAsync("/newsroom/moderation/linkbacks?tab=approved")).CsrfToken;

        await moderator.PostAsync("/newsroom/moderation/linkbacks?tab=approved", [new("__csrf", token), new("Id", id.ToString(CultureInfo.InvariantCulture)), new("Decision", "spam")]);

        var spamTab = await moderator.PageAsync("/newsroom/moderation/linkbacks?tab=spam");
        Assert.NotNull(spamTab.Document.QuerySelector($"#l{id}"));
        using var reader = server.NewReader();
        Assert.Empty((await reader.PageAsync($"/articles/{slug}")).Document.QuerySelectorAll("li.linkback"));
    }

    [Fact]
    public async Task LinkbacksTab_UnknownDecisionOrTabOrForgedPost_RefusedAndNothingChanged()
    {
        var slug = await server.ArticleAsync();
        var id = await PendingLinkbackAsync(slug, TestContent.Unique("Notes"));
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);
        var token = (await moderator.PageAsync("/newsroom/moderation/linkbacks")).CsrfToken;
        var idText = id.ToString(CultureInfo.InvariantCulture);

        var badDecision = await moderator.PostAsync("/newsroom/moderation/linkbacks", [new("__csrf", token), new("Id", idText), new("Decision", "publish")]);
        var badTab = await moderator.GetAsync("/newsroom/moderation/linkbacks?tab=everything");
        var forged = await moderator.PostAsync("/newsroom/moderation/linkbacks", [new("Id", idText), new("Decision", "approve")]);
        var missing = await moderator.PostAsync("/newsroom/moderation/linkbacks", [new("__csrf", token), new("Id", "999999999"), new("Decision", "approve")]);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (badDecision.StatusCode, badTab.StatusCode, forged.StatusCode, missing.StatusCode));
        Assert.Equal(LinkbackStatus.Pending, await server.DbAsync(db => db.Linkbacks.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task LinkbacksTab_Author_Forbidden()
    {
        using var author = await server.SignedInAsync(StaffRoles.Author);

        var response = await author.GetAsync("/newsroom/moderation/linkbacks");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<long> PendingLinkbackAsync(string slug, string title, LinkbackStatus status = LinkbackStatus.Pending) =>
        server.DbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            var linkback = new Linkback
            {
                ArticleId = article.Id, Kind = LinkbackKind.Pingback, SourceUrl = $"https://harbour-log.example/{Guid.NewGuid():N}",
                Title = title, Excerpt = "The harbour reopened this week.", SiteName = "Harbour Log", Status = status, ReceivedAt = DateTime.UtcNow,
            };
            db.Linkbacks.Add(linkback);
            await db.SaveChangesAsync();
            server.InvalidatePages();
            return linkback.Id;
        });
}

[Collection(SqliteCollection.Name)]
public sealed class LinkbackQueueOnSqlite(SqliteServer server) : LinkbackQueueTests(server);

[Collection(PostgresCollection.Name)]
public sealed class LinkbackQueueOnPostgres(PostgresServer server) : LinkbackQueueTests(server);
