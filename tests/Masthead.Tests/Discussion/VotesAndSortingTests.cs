using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Masthead.Data.Entities;
using Masthead.Discussion.Votes;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Discussion;

public abstract class VotesAndSortingTests(MastheadServer server)
{
    [Fact]
    public async Task Vote_FromThePageWithoutScript_CountedOncePerReaderAndTakenBackByRepeating()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Analyst", "analyst@example.com", "Freight rates lead grain prices by about six weeks.");
        server.InvalidatePages();
        using var first = server.NewReader();
        using var second = server.NewReader();

        var answer = await VoteAsync(first, slug, $"{id}:up");
        await VoteAsync(second, slug, $"{id}:up");
        await VoteAsync(second, slug, $"{id}:up");
        await VoteAsync(second, slug, $"{id}:down");

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal($"/articles/{slug}#comment-{id}", answer.Headers.Location!.OriginalString);
        using var anyone = server.NewReader();
        var buttons = (await anyone.PageAsync($"/articles/{slug}")).Document.QuerySelectorAll($"#comment-{id} .votes button");
        Assert.Equal(["▲ 1", "▼ 1"], buttons.Select(b => b.TextContent));
        Assert.Equal(2, await server.DbAsync(db => db.CommentVotes.CountAsync(v => v.CommentId == id)));
    }

    [Fact]
    public async Task Vote_AskedForJson_AnswersTheCountsAndTheReadersVote()
    {
        var slug = await server.ArticleAsync();
        var id = await server.ApprovedCommentAsync(slug, "Reader", "reader@example.com", "The convoy system is working.");
        using var reader = server.NewReader();

        var response = await VoteAsync(reader, slug, $"{id}:down", json: true);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 1, -1), (body.RootElement.GetProperty("up").GetInt32(), body.RootElement.GetProperty("down").GetInt32(), body.RootElement.GetProperty("yours").GetInt32()));
    }

    [Fact]
    public async Task Vote_ForgedOrMalformedOrOnAHeldComment_RefusedAndNothingCounted()
    {
        var slug = await server.ArticleAsync();
        var approved = await server.ApprovedCommentAsync(slug, "Seen", "seen@example.com", "Visible remark.");
        var held = await server.HeldCommentAsync(slug, "Not yet visible.");
        using var reader = server.NewReader();
        var token = (await reader.PageAsync($"/articles/{slug}")).CsrfToken;

        var forged = await reader.PostAsync($"/articles/{slug}/votes", [new("vote", $"{approved}:up")]);
        var malformed = await reader.PostAsync($"/articles/{slug}/votes", [new("__csrf", token), new("vote", $"{approved}:sideways")]);
        var onHeld = await reader.PostAsync($"/articles/{slug}/votes", [new("__csrf", token), new("vote", $"{held}:up")]);
        var elsewhere = await reader.PostAsync($"/articles/not-{slug}/votes", [new("__csrf", token), new("vote", $"{approved}:up")]);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (forged.StatusCode, malformed.StatusCode, onHeld.StatusCode, elsewhere.StatusCode));
        Assert.Equal(0, await server.DbAsync(db => db.CommentVotes.CountAsync(v => v.CommentId == approved || v.CommentId == held)));
    }

    [Fact]
    public async Task Sort_Best_OrdersByConfidenceNotByCount()
    {
        var slug = await server.ArticleAsync();
        var start = DateTime.UtcNow.AddHours(-3);
        var single = await server.ApprovedCommentAsync(slug, "One vote", "a@example.com", "One up vote only.", at: start);
        var unanimous = await server.ApprovedCommentAsync(slug, "Five of five", "b@example.com", "Five up, none down.", at: start.AddMinutes(1));
        var mixed = await server.ApprovedCommentAsync(slug, "Eight of ten", "c@example.com", "Eight up, two down.", at: start.AddMinutes(2));
        await VotesAsync(slug, single, 1, 0);
        await VotesAsync(slug, unanimous, 5, 0);
        await VotesAsync(slug, mixed, 8, 2);
        using var reader = server.NewReader();

        var best = await OrderAsync(reader, slug, "?sort=best");
        var newest = await OrderAsync(reader, slug, "?sort=newest");
        var oldest = await OrderAsync(reader, slug, "?sort=oldest");
        var bad = await reader.GetAsync($"/articles/{slug}?sort=loudest");

        Assert.Equal([unanimous, mixed, single], best);
        Assert.Equal([mixed, unanimous, single], newest);
        Assert.Equal([single, unanimous, mixed], oldest);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Feature_ByAnEditor_ConversationLeadsWhateverTheOrder()
    {
        var slug = await server.ArticleAsync();
        var start = DateTime.UtcNow.AddHours(-2);
        var first = await server.ApprovedCommentAsync(slug, "Early", "early@example.com", "First in.", at: start);
        var pinned = await server.ApprovedCommentAsync(slug, "Expert", "expert@example.com", "A port engineer's view of the cranes.", at: start.AddMinutes(5));
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);
        using var editor = await server.SignedInAsync(StaffRoles.Editor);

        var refused = await FeatureAsync(moderator, slug, pinned);
        var done = await FeatureAsync(editor, slug, pinned);

        using var reader = server.NewReader();
        var page = await reader.PageAsync($"/articles/{slug}");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.SeeOther), (refused.StatusCode, done.StatusCode));
        Assert.Equal([pinned, first], await OrderAsync(reader, slug, ""));
        Assert.Contains("Featured", page.Document.QuerySelector($"#comment-{pinned} .featured-badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WilsonScore_KnownCases_MatchTheFormula()
    {
        Assert.Equal(0, WilsonScore.LowerBound(0, 0));
        Assert.Equal(0.2065, WilsonScore.LowerBound(1, 0), 4);
        Assert.Equal(0.5655, WilsonScore.LowerBound(5, 0), 4);
        Assert.True(WilsonScore.LowerBound(9, 1) > WilsonScore.LowerBound(50, 50));
    }

    private async Task VotesAsync(string slug, long id, int up, int down)
    {
        for (var i = 0; i < up + down; i++)
        {
            using var reader = server.NewReader();
            var response = await VoteAsync(reader, slug, $"{id}:{(i < up ? "up" : "down")}");
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }
    }

    private static async Task<List<long>> OrderAsync(Reader reader, string slug, string query) =>
        (await reader.PageAsync($"/articles/{slug}{query}")).Document.QuerySelectorAll(".comment-list > li.comment")
            .Select(li => long.Parse(li.Id!["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static async Task<HttpResponseMessage> VoteAsync(Reader reader, string slug, string vote, bool json = false)
    {
        var token = (await reader.PageAsync($"/articles/{slug}")).CsrfToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/votes")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("vote", vote)]),
        };
        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return await reader.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> FeatureAsync(Reader staff, string slug, long id)
    {
        var token = (await staff.PageAsync($"/newsroom/moderation?tab=approved&article={slug}")).CsrfToken;
        return await staff.PostAsync($"/newsroom/moderation?tab=approved&article={slug}&handler=Feature",
            [new("__csrf", token), new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("featured", "true")]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VotesAndSortingOnSqlite(SqliteServer server) : VotesAndSortingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class VotesAndSortingOnPostgres(PostgresServer server) : VotesAndSortingTests(server);
