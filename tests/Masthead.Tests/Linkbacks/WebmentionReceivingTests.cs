using System.Net;
using Masthead.Data.Entities;
using Masthead.Linkbacks;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Tests.Linkbacks;

public sealed class WebmentionReceivingTests : LinkbackSites
{
    [Fact]
    public async Task Webmention_SourceLinksThenChangesThenGoes_StoredUpdatedRemoved()
    {
        var slug = await Server.ArticleAsync();
        var target = new Uri(Server.BaseAddress, $"/articles/{slug}");
        var source = Sources.Put("/notes/corridor", Entry("Notes on the corridor", target));
        using var reader = Server.NewReader();

        var accepted = await SendAsync(reader, source, target);
        await WaitForChecksAsync(1);
        var stored = await LinkbackAsync(slug);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.NotNull(stored);
        Assert.Equal(("Notes on the corridor", "Harbour Log", LinkbackKind.Webmention), (stored.Title, stored.SiteName, stored.Kind));
        Assert.Contains("premiums", stored.Excerpt, StringComparison.Ordinal);
        if (stored.Status == LinkbackStatus.Approved)
        {
            var page = await reader.PageAsync($"/articles/{slug}");
            var line = page.Document.QuerySelector("li.linkback")!.TextContent;
            Assert.Contains("Mention: Notes on the corridor – Harbour Log", line, StringComparison.Ordinal);
        }

        Sources.Put("/notes/corridor", Entry("Revised notes on the corridor", target));
        await SendAsync(reader, source, target);
        await WaitForChecksAsync(2);
        Assert.Equal("Revised notes on the corridor", (await LinkbackAsync(slug))!.Title);
        Assert.Equal(1, await Server.DbAsync(db => db.Linkbacks.CountAsync(l => l.Article.Slug == slug)));

        Sources.Put("/notes/corridor", "<html><body>Gone.</body></html>", 410);
        await SendAsync(reader, source, target);
        await WaitForChecksAsync(3);
        Assert.Null(await LinkbackAsync(slug));
    }

    [Fact]
    public async Task Webmention_SourceWithoutTheLink_NothingStored()
    {
        var slug = await Server.ArticleAsync();
        var target = new Uri(Server.BaseAddress, $"/articles/{slug}");
        var source = Sources.Put("/unrelated", "<html><body><p>Nothing to see.</p></body></html>");
        using var reader = Server.NewReader();

        var accepted = await SendAsync(reader, source, target);
        await WaitForChecksAsync(1);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Null(await LinkbackAsync(slug));
    }

    [Theory]
    [InlineData("", "{target}")]
    [InlineData("{source}", "")]
    [InlineData("ftp://example.com/a", "{target}")]
    [InlineData("{source}", "https://elsewhere.example/articles/x")]
    [InlineData("{source}", "{base}/authors/someone")]
    [InlineData("{source}", "{base}/articles/no-such-article")]
    [InlineData("{target}", "{target}")]
    public async Task Webmention_InvalidSourceOrTarget_BadRequestWithReason(string source, string target)
    {
        var slug = await Server.ArticleAsync();
        string Fill(string s) => s.Replace("{target}", new Uri(Server.BaseAddress, $"/articles/{slug}").ToString(), StringComparison.Ordinal)
            .Replace("{source}", new Uri(Sources.BaseAddress, "/x").ToString(), StringComparison.Ordinal)
            .Replace("{base}", Server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        using var reader = Server.NewReader();

        var response = await reader.PostAsync("/webmention", new Dictionary<string, string> { ["source"] = Fill(source), ["target"] = Fill(target) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Article_AdvertisesTheEndpoint_InHeaderAndHtml()
    {
        var slug = await Server.ArticleAsync();
        using var reader = Server.NewReader();

        var first = await reader.PageAsync($"/articles/{slug}");
        var cached = await reader.PageAsync($"/articles/{slug}");

        foreach (var page in new[] { first, cached })
        {
            Assert.Contains(page.Response.Headers.GetValues("Link"), v => v.Contains("</webmention>; rel=\"webmention\"", StringComparison.Ordinal));
            Assert.Equal("/webmention", page.Document.QuerySelector("link[rel=webmention]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Webmention_ManySourcesOnOneHostFromOneMinute_RefusedWith429AfterTheLimit()
    {
        await using var sources = await SourceSite.StartAsync();
        var server = new LinkbackServer(sources.BaseAddress, ("Masthead:Linkbacks:PerSourceHostPerMinute", "2"));
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            var slug = await server.ArticleAsync();
            var target = new Uri(server.BaseAddress, $"/articles/{slug}");
            using var reader = server.NewReader();

            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                answers.Add((await SendAsync(reader, sources.Put($"/post-{i}", Entry($"Post {i}", target)), target)).StatusCode);
            }

            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    private static string Entry(string title, Uri target) => $"""
        <!DOCTYPE html><html><head><title>{title} | Harbour Log</title><meta property="og:site_name" content="Harbour Log"></head>
        <body><article class="h-entry"><h1 class="p-name">{title}</h1>
        <div class="e-content"><p>Insurers, not navies, set the pace: see <a href="{target}">this piece</a> on war-risk premiums.</p></div>
        </article></body></html>
        """;

    private static Task<HttpResponseMessage> SendAsync(Reader reader, Uri source, Uri target) =>
        reader.PostAsync("/webmention", new Dictionary<string, string> { ["source"] = source.ToString(), ["target"] = target.ToString() });

    private Task<Linkback?> LinkbackAsync(string slug) =>
        Server.DbAsync(db => db.Linkbacks.AsNoTracking().FirstOrDefaultAsync(l => l.Article.Slug == slug));

    private async Task WaitForChecksAsync(long count)
    {
        var queue = Server.Services.GetRequiredService<VerificationQueue>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (queue.Verified < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
