using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Linkbacks;

/// <summary>A Masthead site that knows its own address and may fetch from the given local ports, on SQLite or PostgreSQL.</summary>
public sealed class PeerServer : MastheadServer
{
    public PeerServer(string name, int port, bool takesWebmentions, bool onPostgres, params int[] allowedPorts) : base(port)
    {
        if (onPostgres)
        {
            UsePostgres();
        }

        Set("Masthead:Publication:Name", name);
        Set("Masthead:Publication:BaseUrl", $"http://127.0.0.1:{port}");
        Set("Masthead:Linkbacks:ReceiveWebmentions", takesWebmentions ? "true" : "false");
        for (var i = 0; i < allowedPorts.Length; i++)
        {
            Set($"Masthead:Linkbacks:AllowedPrivateEndpoints:{i}", $"127.0.0.1:{allowedPorts[i]}");
        }
    }
}

/// <summary>
/// Two running Masthead sites that may reach each other over 127.0.0.1, and a plain site for
/// other pages. North (SQLite) takes webmentions and pingbacks; South (PostgreSQL) takes pingbacks
/// only, so what North sends South goes by Pingback and what South sends North goes by Webmention.
/// </summary>
public sealed class TwoSites : IAsyncLifetime
{
    public SourceSite Plain { get; private set; } = null!;
    public PeerServer North { get; private set; } = null!;
    public PeerServer South { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Plain = await SourceSite.StartAsync();
        int north = MastheadServer.FreePort(), south = MastheadServer.FreePort();
        North = new PeerServer("North Gazette", north, takesWebmentions: true, onPostgres: false, south, Plain.BaseAddress.Port);
        South = new PeerServer("South Courier", south, takesWebmentions: false, onPostgres: true, north);
        await ((IAsyncLifetime)North).InitializeAsync();
        await ((IAsyncLifetime)South).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)South).DisposeAsync();
        await ((IAsyncLifetime)North).DisposeAsync();
        await Plain.DisposeAsync();
    }
}

public sealed class TwoSitesTests(TwoSites sites) : IClassFixture<TwoSites>
{
    private const string Analysis = "Insurers in London priced the corridor's risk within a week of the first convoy, and the premiums fell by a third.";

    [Fact]
    public async Task Publish_LinkToSiteTakingWebmentions_MentionShownThereAndWithdrawnWhenLinkRemoved()
    {
        var target = await sites.North.ArticleAsync(title: "Grain corridor reopens");
        var targetUrl = new Uri(sites.North.BaseAddress, $"/articles/{target}").AbsoluteUri;

        var source = await sites.South.ArticleAsync(title: "What the corridor means for bread prices", body: $"{Analysis} As [the Gazette reported]({targetUrl}), the first ships have sailed.");
        var sent = await SettledAsync(sites.South, source, targetUrl);
        var mention = await EventuallyAsync(() => LinkbackAsync(sites.North, target), l => l is not null);

        Assert.Equal((OutgoingLinkbackStatus.Sent, LinkbackKind.Webmention), (sent.Status, sent.SentAs));
        Assert.Equal((LinkbackKind.Webmention, "What the corridor means for bread prices", "South Courier"), (mention!.Kind, mention.Title, mention.SiteName));
        Assert.Equal(new Uri(sites.South.BaseAddress, $"/articles/{source}").AbsoluteUri, mention.SourceUrl);

        await sites.South.ArticleAsync(slug: source, title: "What the corridor means for bread prices", body: Analysis);
        var withdrawn = await SettledAsync(sites.South, source, targetUrl);
        await EventuallyAsync(() => LinkbackAsync(sites.North, target), l => l is null);

        Assert.Equal((OutgoingLinkbackStatus.Sent, false), (withdrawn.Status, withdrawn.LinkPresent));
    }

    [Fact]
    public async Task Publish_LinkToSiteTakingOnlyPingbacks_PingbackRegisteredAndShown()
    {
        var target = await sites.South.ArticleAsync(title: "Port cranes idle in Odesa");
        var targetUrl = new Uri(sites.South.BaseAddress, $"/articles/{target}").AbsoluteUri;

        var source = await sites.North.ArticleAsync(title: "Shipping insurers return", body: $"{Analysis} The Courier [counted the idle cranes]({targetUrl}) last week.");
        var sent = await SettledAsync(sites.North, source, targetUrl);
        var pingback = await EventuallyAsync(() => LinkbackAsync(sites.South, target), l => l is not null);

        Assert.Equal((OutgoingLinkbackStatus.Sent, LinkbackKind.Pingback), (sent.Status, sent.SentAs));
        Assert.Equal((LinkbackKind.Pingback, "Shipping insurers return", "North Gazette"), (pingback!.Kind, pingback.Title, pingback.SiteName));
        Assert.Equal(LinkbackStatus.Approved, pingback.Status);
        sites.South.InvalidatePages();
        using var reader = sites.South.NewReader();
        var page = await reader.PageAsync($"/articles/{target}");
        var line = page.Document.QuerySelector("li.linkback")!;
        Assert.Contains("Pingback: Shipping insurers return – North Gazette", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("nofollow ugc", line.QuerySelector("a")!.GetAttribute("rel"));
    }

    [Fact]
    public async Task EditorPage_AfterSending_ShowsEachLinkAndWhatBecameOfIt()
    {
        var target = await sites.South.ArticleAsync(title: "Ferry timetable restored");
        var targetUrl = new Uri(sites.South.BaseAddress, $"/articles/{target}").AbsoluteUri;
        var source = await sites.North.ArticleAsync(body: $"{Analysis} [The timetable]({targetUrl}).");
        await SettledAsync(sites.North, source, targetUrl);
        var id = await sites.North.DbAsync(db => db.Articles.Where(a => a.Slug == source).Select(a => a.Id).SingleAsync());
        using var editor = await sites.North.SignedInAsync(StaffRoles.Editor);

        var page = await editor.PageAsync($"/newsroom/articles/{id}");

        var row = page.Document.QuerySelectorAll(".nr-notifications tbody tr").Single();
        Assert.Equal(targetUrl, row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Pingback accepted", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent", row.QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task Publish_LinkToPageWithoutEndpoint_RecordedAsNoEndpoint()
    {
        var plain = sites.Plain.Put("/about-ports", "<html><head><title>About ports</title></head><body>Ports.</body></html>").AbsoluteUri;

        var source = await sites.North.ArticleAsync(body: $"{Analysis} Background [on ports]({plain}).");
        var row = await SettledAsync(sites.North, source, plain);

        Assert.Equal(OutgoingLinkbackStatus.NoEndpoint, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Publish_LinkToPrivateAddress_RefusedWithoutRetry()
    {
        const string target = "http://10.20.30.40/internal-report";

        var source = await sites.North.ArticleAsync(body: $"{Analysis} [A page on a private network]({target}).");
        var row = await SettledAsync(sites.North, source, target);

        Assert.Equal(OutgoingLinkbackStatus.Failed, row.Status);
        Assert.Contains("not a public address", row.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EndpointAnswers503_RetriedLaterWithBackoff()
    {
        var linked = sites.Plain.Put("/busy", $"<html><head><link rel=\"webmention\" href=\"/endpoint/503\"></head><body>Busy.</body></html>").AbsoluteUri;

        var source = await sites.North.ArticleAsync(body: $"{Analysis} [A busy site]({linked}).");
        var row = await EventuallyAsync(() => RowAsync(sites.North, source, linked), r => r?.Attempts == 1);

        Assert.Equal(OutgoingLinkbackStatus.Pending, row!.Status);
        Assert.InRange(row.NextAttemptAt - row.LastAttemptAt!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
        Assert.Contains("Trying again later", row.Result, StringComparison.Ordinal);
        Assert.Contains(sites.Plain.Received, r => r.EndsWith("→ " + linked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_EndpointRedirectsWith307_PostedAgainAtTheNewAddress()
    {
        var linked = sites.Plain.Put("/moved", "<html><head><link rel=\"webmention\" href=\"/moved-endpoint\"></head><body>Moved.</body></html>").AbsoluteUri;

        var source = await sites.North.ArticleAsync(body: $"{Analysis} [A moved endpoint]({linked}).");
        var row = await SettledAsync(sites.North, source, linked);

        Assert.Equal((OutgoingLinkbackStatus.Sent, LinkbackKind.Webmention), (row.Status, row.SentAs));
        Assert.Contains(sites.Plain.Received, r => r.EndsWith("→ " + linked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_ScheduledArticle_NothingSentBeforeItIsOut()
    {
        var linked = sites.Plain.Put("/later", "<html><head><link rel=\"webmention\" href=\"/endpoint/202\"></head><body>Later.</body></html>").AbsoluteUri;
        var at = DateTime.UtcNow.AddDays(2);

        var source = await sites.North.ArticleAsync(status: "scheduled", date: at, body: $"{Analysis} [Later]({linked}).");
        var row = await RowAsync(sites.North, source, linked);

        Assert.Equal(OutgoingLinkbackStatus.Pending, row!.Status);
        Assert.Equal(at, row.NextAttemptAt, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(sites.Plain.Received, r => r.EndsWith("→ " + linked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceiveWebmentionsOff_NeitherAdvertisedNorTaken()
    {
        var slug = await sites.South.ArticleAsync();
        using var reader = sites.South.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");
        var posted = await reader.PostAsync("/webmention", new Dictionary<string, string>
        {
            ["source"] = new Uri(sites.North.BaseAddress, "/articles/anything").AbsoluteUri,
            ["target"] = new Uri(sites.South.BaseAddress, $"/articles/{slug}").AbsoluteUri,
        });

        Assert.False(page.Response.Headers.TryGetValues("Link", out var links) && links.Any(l => l.Contains("webmention", StringComparison.Ordinal)));
        Assert.Null(page.Document.QuerySelector("link[rel=webmention]"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=pingback]"));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    private static Task<OutgoingLinkback?> RowAsync(MastheadServer server, string articleSlug, string target) =>
        server.DbAsync(db => db.OutgoingLinkbacks.AsNoTracking().FirstOrDefaultAsync(o => o.Article.Slug == articleSlug && o.TargetUrl == target));

    /// <summary>The outgoing notification once it is no longer pending.</summary>
    private static async Task<OutgoingLinkback> SettledAsync(MastheadServer server, string articleSlug, string target) =>
        (await EventuallyAsync(() => RowAsync(server, articleSlug, target), r => r is { Status: not OutgoingLinkbackStatus.Pending }))!;

    private static Task<Linkback?> LinkbackAsync(MastheadServer server, string articleSlug) =>
        server.DbAsync(db => db.Linkbacks.AsNoTracking().FirstOrDefaultAsync(l => l.Article.Slug == articleSlug));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
