using Masthead.Articles;
using Masthead.Data.Entities;
using Masthead.Site;

namespace Masthead.Linkbacks;

/// <summary>What a notification's addresses must be, the same for webmentions and pingbacks.</summary>
public static class LinkTargets
{
    private const string ArticlePath = "/articles/";

    /// <summary>An absolute http(s) address of sensible length, or nothing.</summary>
    public static Uri? AbsoluteHttp(string? value) =>
        value is { Length: > 0 and <= 2000 } && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>Whether <paramref name="target"/> is an article address on this site (it may still name no article).</summary>
    public static bool IsArticleOnThisSite(Uri target, HttpRequest request, PublicationView publication) =>
        string.Equals(target.GetLeftPart(UriPartial.Authority), new Uri(request.BaseUrl(publication)).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) &&
        target.AbsolutePath.StartsWith(ArticlePath, StringComparison.Ordinal);

    /// <summary>The published article an address on this site names, if any.</summary>
    public static async Task<Article?> FindArticleAsync(Uri target, ArticleQueries articles, CancellationToken cancellationToken) =>
        await articles.FindBySlugAsync(target.AbsolutePath[ArticlePath.Length..].TrimEnd('/'), cancellationToken) is ArticleLookup.Found found
            ? found.Article
            : null;
}
