using System.Text.Json;
using System.Text.Json.Serialization;
using Masthead.Data.Entities;
using Masthead.Site;

namespace Masthead.Articles;

/// <summary>Structured data for search engines and link previews.</summary>
public static class ArticleMetadata
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A schema.org NewsArticle as JSON-LD. The default encoder escapes &lt;, &gt; and &amp;, so the
    /// text can sit inside a script element without closing it.
    /// </summary>
    public static string JsonLd(Article article, PublicationView site, HttpRequest request, string canonicalUrl)
    {
        var published = article.PublishedAt ?? article.CreatedAt;
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Standfirst.Length > 0 ? article.Standfirst : null,
            ["datePublished"] = site.FormatIso(published),
            ["dateModified"] = site.FormatIso(article.UpdatedAt > published ? article.UpdatedAt : published),
            ["mainEntityOfPage"] = new Dictionary<string, object> { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["url"] = canonicalUrl,
            ["articleSection"] = article.Section?.Name,
            ["keywords"] = article.Tags.Count > 0 ? article.Tags.Select(t => t.Name).ToArray() : null,
            ["author"] = article.Authors.OrderBy(a => a.Position).Select(a => new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = a.Author.Name,
                ["url"] = request.Absolute(site, SiteUrls.Author(a.Author.Slug)),
                ["sameAs"] = a.Author.XHandle is { Length: > 0 } x ? new[] { $"https://x.com/{x}" } : null,
            }).ToArray(),
            ["publisher"] = new Dictionary<string, object>
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = site.Name,
                ["url"] = request.BaseUrl(site) + "/",
            },
        };
        return JsonSerializer.Serialize(data, Json);
    }
}
