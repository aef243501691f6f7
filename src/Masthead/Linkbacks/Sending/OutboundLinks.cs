using AngleSharp.Html.Parser;

namespace Masthead.Linkbacks.Sending;

/// <summary>The other sites an article links to: whom to tell about it.</summary>
public static class OutboundLinks
{
    /// <summary>An article with more links than this notifies the first ones only; a list of hundreds is not a citation.</summary>
    public const int MaxPerArticle = 100;

    public const int MaxAddressLength = 2000;

    private static readonly HtmlParser Parser = new();

    /// <summary>Absolute http(s) links in <paramref name="html"/> that leave <paramref name="siteUrl"/>'s origin, each once, in document order, without fragments.</summary>
    public static IReadOnlyList<string> Find(string html, string siteUrl)
    {
        var site = Uri.TryCreate(siteUrl, UriKind.Absolute, out var s) ? s.GetLeftPart(UriPartial.Authority) : "";
        var document = Parser.ParseDocument(html);
        var links = new List<string>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (LinkTargets.AbsoluteHttp(anchor.GetAttribute("href")) is not { } url ||
                string.Equals(url.GetLeftPart(UriPartial.Authority), site, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Percent-encoding can make an address much longer than its href; one that no longer
            // fits the outbox is not announced rather than failing the article's save.
            var address = new UriBuilder(url) { Fragment = "" }.Uri.AbsoluteUri;
            if (address.Length <= MaxAddressLength && !links.Contains(address, StringComparer.Ordinal))
            {
                links.Add(address);
            }

            if (links.Count == MaxPerArticle)
            {
                break;
            }
        }

        return links;
    }
}
