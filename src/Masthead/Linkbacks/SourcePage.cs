using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Masthead.Linkbacks;

/// <summary>What a linking page says about itself: its title, the words around the link, its site and author.</summary>
public sealed record SourceSummary(string Title, string Excerpt, string SiteName, string? AuthorName);

/// <summary>
/// Reads a source page: whether it links to the target, and, from h-entry microformats when the
/// page has them (else the document's title and the paragraph around the link), how to show it.
/// </summary>
public static class SourcePage
{
    private static readonly HtmlParser Parser = new();

    public const int MaxExcerpt = 300;

    /// <summary>The summary of a page that links to <paramref name="target"/>; null when it does not.</summary>
    public static SourceSummary? Read(FetchResult page, Uri target)
    {
        var document = Parser.ParseDocument(page.Body);
        var link = document.QuerySelectorAll("a[href]")
            .FirstOrDefault(a => Uri.TryCreate(page.FinalUrl, a.GetAttribute("href")!.Trim(), out var url) && SameResource(url, target));
        if (link is null)
        {
            return null;
        }

        var entry = link.Closest(".h-entry") ?? document.QuerySelector(".h-entry");
        var documentTitle = Text(document.QuerySelector("title"));
        var site = document.QuerySelector("meta[property='og:site_name'], meta[name='application-name']")?.GetAttribute("content")?.Trim() is { Length: > 0 } named
            ? named
            : SiteNameFromTitle(documentTitle) ?? page.FinalUrl.Host;
        var title = Text(entry?.QuerySelector(".p-name")) ?? WithoutSiteName(documentTitle, site) ?? page.FinalUrl.Host;
        var excerpt = Text(entry?.QuerySelector(".p-summary")) ?? Text(link.Closest("p, li, blockquote")) ?? Text(entry?.QuerySelector(".e-content")) ?? "";
        var author = Text(entry?.QuerySelector(".p-author .p-name")) ?? Text(entry?.QuerySelector(".p-author"));
        return new SourceSummary(Clip(title, 300), Clip(excerpt, MaxExcerpt), Clip(site, 200), author is null ? null : Clip(author, 100));
    }

    /// <summary>The same page: scheme and host in any case, no fragment, a trailing slash or not.</summary>
    public static bool SameResource(Uri a, Uri b) =>
        string.Equals(a.GetLeftPart(UriPartial.Authority), b.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) &&
        a.AbsolutePath.TrimEnd('/') == b.AbsolutePath.TrimEnd('/') &&
        a.Query == b.Query;

    /// <summary>
    /// "Post – Site", "Post | Site", "Post - Site" → "Post": the line under the article adds the
    /// site itself ("Pingback: Post – Site"), so a title that already ends with it would say it twice.
    /// </summary>
    private static readonly string[] TitleSeparators = [" – ", " — ", " | ", " - ", " · ", " :: "];

    /// <summary>
    /// A page that does not name its site in metadata (WordPress's themes do not) usually ends its
    /// title with it: "Post – Site". The last part is taken as the site's name when it is short.
    /// </summary>
    private static string? SiteNameFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var (cut, length) = TitleSeparators.Select(s => (At: title.LastIndexOf(s, StringComparison.Ordinal), s.Length)).MaxBy(x => x.At);
        return cut > 0 && title.Length - cut - length is > 0 and <= 60 ? title[(cut + length)..].Trim() : null;
    }

    private static string? WithoutSiteName(string? title, string site)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var separator in TitleSeparators)
        {
            var suffix = separator + site;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^suffix.Length].TrimEnd();
            }
        }

        return title;
    }

    private static string? Text(IElement? element) =>
        element?.TextContent is { } text && string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } clean
            ? clean
            : null;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
