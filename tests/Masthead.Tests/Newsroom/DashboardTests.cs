using System.Net;
using Masthead.Data.Entities;
using Masthead.Newsroom.Dashboard;
using Masthead.Tests.Infrastructure;

namespace Masthead.Tests.Newsroom;

public abstract class DashboardTests(MastheadServer server)
{
    [Fact]
    public async Task Dashboard_Moderator_SeesPendingCountChartAndItsNumbers()
    {
        var slug = await server.ArticleAsync();
        await server.ApprovedCommentAsync(slug, "A", "a@example.com", "Counted today.");
        await server.HeldCommentAsync(slug, "Held and counted today.");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var page = await moderator.PageAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(int.Parse(page.Text("#pending-count"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.NotNull(page.Document.QuerySelector("svg.nr-chart rect"));
        var rows = page.Document.QuerySelectorAll("#per-day-table tbody tr");
        Assert.Equal(DashboardQueries.Days, rows.Length);
        var today = rows[0].QuerySelectorAll("td").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(today[0] >= 1 && today[1] >= 1, "today's row counts the approved and the held comment");
    }

    [Fact]
    public async Task Dashboard_AuthorRole_NoModerationFigures()
    {
        using var author = await server.SignedInAsync(StaffRoles.Author);

        var page = await author.PageAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#pending-count"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DashboardOnSqlite(SqliteServer server) : DashboardTests(server);

[Collection(PostgresCollection.Name)]
public sealed class DashboardOnPostgres(PostgresServer server) : DashboardTests(server);

public sealed class DashboardFigureTests
{
    [Theory]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(180, 200)]
    [InlineData(401, 500)]
    public void NiceCeiling_Value_RoundsUpToOneTwoOrFive(int value, int expected) => Assert.Equal(expected, BarChart.NiceCeiling(value));

    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(720, "12 min")]
    [InlineData(12_000, "3 h 20 min")]
    [InlineData(187_200, "2 d 4 h")]
    public void Format_Duration_TwoLargestUnits(int seconds, string expected) => Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
}
