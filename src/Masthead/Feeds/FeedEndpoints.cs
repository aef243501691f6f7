using System.Text;
using System.Xml;
using Masthead.Articles;
using Masthead.Site;

namespace Masthead.Feeds;

public static class FeedEndpoints
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedQueries>();
        builder.Services.AddScoped<FeedBuilder>();
        return builder;
    }

    public static WebApplication MapFeeds(this WebApplication app)
    {
        var feeds = app.MapGroup("").WithMetadata(new CachedPageAttribute());

        feeds.MapGet("/feed", (HttpContext http, FeedQueries q, FeedBuilder b, SiteContext s, CancellationToken ct) =>
            SiteFeedAsync(http, q, b, s, FeedFormat.Rss, ct));
        feeds.MapGet("/feed/atom", (HttpContext http, FeedQueries q, FeedBuilder b, SiteContext s, CancellationToken ct) =>
            SiteFeedAsync(http, q, b, s, FeedFormat.Atom, ct));

        MapScopedFeed(feeds, "/authors/{slug}/feed/{format?}", (q, slug, ct) => q.AuthorScopeAsync(slug, ct));
        MapScopedFeed(feeds, "/tags/{slug}/feed/{format?}", (q, slug, ct) => q.TagScopeAsync(slug, ct));
        MapScopedFeed(feeds, "/sections/{slug}/feed/{format?}", (q, slug, ct) => q.SectionScopeAsync(slug, ct));

        feeds.MapGet("/articles/{slug}/comments/feed", async (string slug, HttpContext http, ArticleQueries articles, FeedQueries q, FeedBuilder b, CancellationToken ct) =>
        {
            if (await articles.FindBySlugAsync(slug, ct) is not ArticleLookup.Found found)
            {
                return Results.NotFound();
            }

            var comments = await q.CommentsAsync(found.Article.Id, ct);
            var feed = b.Comments(http.Request, found.Article.Title, found.Article.Slug, comments);
            return Xml(FeedWriter.Write(feed, FeedFormat.Rss), FeedWriter.ContentType(FeedFormat.Rss));
        });

        feeds.MapGet(SiteUrls.RecentCommentsFeed, async (HttpContext http, FeedQueries q, FeedBuilder b, CancellationToken ct) =>
            Xml(FeedWriter.Write(b.RecentComments(http.Request, await q.RecentCommentsAsync(ct)), FeedFormat.Rss), FeedWriter.ContentType(FeedFormat.Rss)));

        feeds.MapGet("/sitemap.xml", async (HttpContext http, FeedQueries q, SiteContext s, TimeProvider clock, CancellationToken ct) =>
            Xml(Sitemap(http.Request, s.Publication, await q.SitemapAsync(ct), clock.GetUtcNow().UtcDateTime), "application/xml; charset=utf-8"));

        feeds.MapGet("/robots.txt", (HttpContext http, SiteContext s) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /error/\n\nSitemap: {http.Request.Absolute(s.Publication, "/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        return app;
    }

    /// <summary>An author's, tag's or section's feed: RSS by default, Atom at ".../feed/atom".</summary>
    private static void MapScopedFeed(RouteGroupBuilder feeds, string pattern, Func<FeedQueries, string, CancellationToken, Task<FeedScope?>> findScope) =>
        feeds.MapGet(pattern, async (string slug, string? format, HttpContext http, FeedQueries q, FeedBuilder b, SiteContext s, CancellationToken ct) =>
        {
            if (ParseFormat(format) is not { } f || await findScope(q, slug, ct) is not { } scope)
            {
                return Results.NotFound();
            }

            var items = await q.ArticlesAsync(scope.Articles, FeedQueries.ItemCount, ct);
            var feed = b.Articles(http.Request, $"{scope.Name} – {s.Publication.Name}", scope.Description, scope.PagePath, http.Request.Path, items);
            return Xml(FeedWriter.Write(feed, f), FeedWriter.ContentType(f));
        });

    private static async Task<IResult> SiteFeedAsync(HttpContext http, FeedQueries q, FeedBuilder b, SiteContext s, FeedFormat format, CancellationToken ct)
    {
        var items = await q.ArticlesAsync(q.Live(), FeedQueries.ItemCount, ct);
        var site = s.Publication;
        var feed = b.Articles(http.Request, site.Name, site.Description.Length > 0 ? site.Description : $"Latest articles from {site.Name}", SiteUrls.Home(), http.Request.Path, items);
        return Xml(FeedWriter.Write(feed, format), FeedWriter.ContentType(format));
    }

    private static FeedFormat? ParseFormat(string? format) => format switch
    {
        null or "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        _ => null,
    };

    private static IResult Xml(byte[] bytes, string contentType) => Results.Bytes(bytes, contentType);

    /// <summary>
    /// One sitemap of every live article; those from the last two days also carry Google News tags,
    /// which is what news crawlers read to find fresh stories.
    /// </summary>
    private static byte[] Sitemap(HttpRequest request, PublicationView site, IReadOnlyList<SitemapEntry> entries, DateTime now)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);

            xml.WriteStartElement("url", SitemapNamespace);
            xml.WriteElementString("loc", SitemapNamespace, request.Absolute(site, "/"));
            xml.WriteElementString("changefreq", SitemapNamespace, "hourly");
            xml.WriteEndElement();

            foreach (var e in entries)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, request.Absolute(site, SiteUrls.Article(e.Slug)));
                xml.WriteElementString("lastmod", SitemapNamespace, site.FormatIso(e.UpdatedAt > e.PublishedAt ? e.UpdatedAt : e.PublishedAt));
                if (e.PublishedAt > now.AddDays(-2))
                {
                    xml.WriteStartElement("news", "news", NewsNamespace);
                    xml.WriteStartElement("news", "publication", NewsNamespace);
                    xml.WriteElementString("news", "name", NewsNamespace, site.Name);
                    xml.WriteElementString("news", "language", NewsNamespace, site.Language);
                    xml.WriteEndElement();
                    xml.WriteElementString("news", "publication_date", NewsNamespace, site.FormatIso(e.PublishedAt));
                    xml.WriteElementString("news", "title", NewsNamespace, e.Title);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
