using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Discussion;

public abstract class ReaderReportsTests(MastheadServer server)
{
    [Fact]
    public async Task Report_ThreeDistinctReaders_CommentHiddenAndInTheReportedTab()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Provoker", "provoker@example.com", "Everyone from that country is vermin.");
        server.InvalidatePages();

        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var reader = server.NewReader();
            var article = await reader.PageAsync($"/articles/{slug}");
            var link = article.Document.QuerySelector($"#comment-{id} a.report")!.GetAttribute("href")!;
            outcomes.Add((await ReportAsync(reader, link, "hate")).Status);
        }

        using var anyone = server.NewReader();
        var after = await anyone.PageAsync($"/articles/{slug}");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);
        var reported = await moderator.PageAsync($"/newsroom/moderation?tab=reported&article={slug}");

        Assert.All(outcomes, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Null(after.Document.QuerySelector($"#comment-{id}"));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(id));
        var item = reported.Document.QuerySelector($"#c{id}")!;
        Assert.Equal(3, item.QuerySelectorAll(".nr-reports li").Length);
    }

    [Fact]
    public async Task Report_SameReaderTwice_CountsOnceAndCommentStays()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Sharp", "sharp@example.com", "Your figures are wrong and you know it.");
        using var reader = server.NewReader();
        var path = $"/articles/{slug}/comments/{id}/report";

        await ReportAsync(reader, path, "abuse");
        await ReportAsync(reader, path, "abuse");
        var third = await ReportAsync(reader, path, "spam");

        Assert.Contains("already reported", third.Document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await server.DbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id)));
        Assert.Equal(CommentStatus.Approved, await StatusAsync(id));
    }

    [Theory]
    [InlineData("", "", "Choose why")]
    [InlineData("nonsense", "", "Choose why")]
    [InlineData("2", "", "Choose why")]
    [InlineData("other", "", "Say in a few words")]
    public async Task Report_BadForm_400WithTheReasonAndTheFormKept(string reason, string text, string message)
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Calm", "calm@example.com", "A calm remark about tariffs.");
        using var reader = server.NewReader();

        var page = await ReportAsync(reader, $"/articles/{slug}/comments/{id}/report", reason, text);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.Document.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form.report-form"));
        Assert.Equal(0, await server.DbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id)));
    }

    [Fact]
    public async Task Report_OtherWithText_StoredWithTheReadersWords()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Poster", "poster@example.com", "Contact me privately for the real numbers.");
        using var reader = server.NewReader();

        var page = await ReportAsync(reader, $"/articles/{slug}/comments/{id}/report", "other", "Looks like a scam <script>x</script>");

        var report = await server.DbAsync(db => db.CommentReports.SingleAsync(r => r.CommentId == id));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal((ReportReason.Other, "Looks like a scam <script>x</script>"), (report.Reason, report.Text));
        Assert.StartsWith("c:", report.Reporter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ForgedPostOrUnknownOrHeldComment_RefusedAndNothingStored()
    {
        var slug = await server.ArticleAsync();
        var held = await server.HeldCommentAsync(slug, "Waiting for a moderator.");
        var approved = await server.ApprovedCommentAsync(slug, "Visible", "visible@example.com", "A visible remark.");
        using var reader = server.NewReader();

        var heldPage = await reader.GetAsync($"/articles/{slug}/comments/{held}/report");
        var wrongArticle = await reader.GetAsync($"/articles/not-{slug}/comments/{approved}/report");
        var forged = await reader.PostAsync($"/articles/{slug}/comments/{approved}/report", [new("Form.Reason", "spam")]);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (heldPage.StatusCode, wrongArticle.StatusCode, forged.StatusCode));
        Assert.Equal(0, await server.DbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == approved || r.CommentId == held)));
    }

    private Task<CommentStatus> StatusAsync(long id) => server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    internal static async Task<Reader.Page> ReportAsync(Reader reader, string path, string reason, string text = "")
    {
        var form = await reader.PageAsync(path);
        return await Reader.Page.ReadAsync(await reader.PostAsync(path, [new("__csrf", form.CsrfToken), new("Form.Reason", reason), new("Form.Text", text)]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReaderReportsOnSqlite(SqliteServer server) : ReaderReportsTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReaderReportsOnPostgres(PostgresServer server) : ReaderReportsTests(server);

/// <summary>A site that takes two reports per reader per hour.</summary>
public sealed class FewReportsServer : MastheadServer
{
    public FewReportsServer() => Set("Masthead:Discussion:ReportsPerHour", "2");
}

public sealed class ReportFloodTests(FewReportsServer server) : IClassFixture<FewReportsServer>
{
    [Fact]
    public async Task Report_MoreThanTheHourlyLimit_429AndNotStored()
    {
        var slug = await server.ArticleAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await server.ApprovedCommentAsync(slug, $"Writer {i}", $"w{i}@example.com", $"Remark number {i}."));
        }

        using var reader = server.NewReader();
        var statuses = new List<HttpStatusCode>();
        foreach (var id in ids)
        {
            statuses.Add((await ReaderReportsTests.ReportAsync(reader, $"/articles/{slug}/comments/{id}/report", "spam")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, await server.DbAsync(db => db.CommentReports.CountAsync(r => ids.Contains(r.CommentId))));
    }
}
