using System.Globalization;
using System.Net;
using Masthead.Tests.Infrastructure;

namespace Masthead.Tests.Discussion;

public abstract class LiveCommentsTests(MastheadServer server)
{
    [Fact]
    public async Task Live_CommentApprovedWhileReading_AnnouncedOnTheStream()
    {
        var slug = await server.ArticleAsync();
        var other = await server.ArticleAsync();
        var elsewhere = await server.HeldCommentAsync(other, "On another article.");
        var held = await server.HeldCommentAsync(slug, "Approved while a reader watches.");
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await http.GetAsync($"/articles/{slug}/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        await server.ApproveInTheQueueAsync(other, elsewhere);
        await server.ApproveInTheQueueAsync(slug, held);

        var lines = new List<string>();
        while (!lines.Contains("event: comment"))
        {
            lines.Add((await reader.ReadLineAsync(timeout.Token))!);
        }

        lines.Add((await reader.ReadLineAsync(timeout.Token))!);
        lines.Add((await reader.ReadLineAsync(timeout.Token))!);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"data: {{\"id\":{held}}}", lines);
        Assert.DoesNotContain(lines, l => l.Contains(elsewhere.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_UnknownArticle_404()
    {
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/articles/no-such-article-here/live");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LiveCommentsOnSqlite(SqliteServer server) : LiveCommentsTests(server);

[Collection(PostgresCollection.Name)]
public sealed class LiveCommentsOnPostgres(PostgresServer server) : LiveCommentsTests(server);
