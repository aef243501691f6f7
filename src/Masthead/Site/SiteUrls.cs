namespace Masthead.Site;

/// <summary>Absolute and relative addresses of the reader site's pages, in one place.</summary>
public static class SiteUrls
{
    public static string Home(int page = 1) => page <= 1 ? "/" : $"/?page={page}";
    public static string Article(string slug) => $"/articles/{slug}";
    public static string Comment(string articleSlug, long commentId) => $"/articles/{articleSlug}#comment-{commentId}";
    public static string Author(string slug) => $"/authors/{slug}";
    public static string Section(string slug) => $"/sections/{slug}";
    public static string Tag(string slug) => $"/tags/{slug}";
    public static string SiteRss => "/feed";
    public static string SiteAtom => "/feed/atom";
    public static string AuthorFeed(string slug) => $"/authors/{slug}/feed";
    public static string TagFeed(string slug) => $"/tags/{slug}/feed";
    public static string SectionFeed(string slug) => $"/sections/{slug}/feed";
    public static string CommentsFeed(string articleSlug) => $"/articles/{articleSlug}/comments/feed";
    public static string RecentCommentsFeed => "/comments/feed";

    /// <summary>The publication's configured base URL, or this request's own origin when none is set.</summary>
    public static string BaseUrl(this HttpRequest request, PublicationView publication) =>
        publication.BaseUrl.Length > 0
            ? publication.BaseUrl
            : $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}";

    public static string Absolute(this HttpRequest request, PublicationView publication, string path) =>
        request.BaseUrl(publication) + path;
}
