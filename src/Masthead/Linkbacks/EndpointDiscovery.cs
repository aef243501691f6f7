using AngleSharp.Html.Parser;

namespace Masthead.Linkbacks;

/// <summary>Where a page takes notifications: a Webmention endpoint, a Pingback server, or neither.</summary>
public sealed record Endpoints(Uri? Webmention, Uri? Pingback);

/// <summary>
/// Finds a page's notification endpoints as the W3C Webmention recommendation and Pingback 1.0
/// describe: for Webmention the HTTP <c>Link</c> headers first, then the first <c>&lt;link&gt;</c> or
/// <c>&lt;a&gt;</c> element in document order whose <c>rel</c> holds the token <c>webmention</c> and
/// which has an <c>href</c>; for Pingback the <c>X-Pingback</c> header, then
/// <c>&lt;link rel="pingback"&gt;</c>. Relative addresses resolve against the page's final URL after
/// redirects; query strings are kept. The HTML is parsed by a real parser (AngleSharp), so
/// endpoints inside comments or escaped text are never seen.
/// </summary>
public static class EndpointDiscovery
{
    private static readonly HtmlParser Parser = new();

    public static Endpoints Discover(FetchResult page)
    {
        var webmention = FromLinkHeaders(page, "webmention");
        Uri? pingback = page.Headers.TryGetValue("X-Pingback", out var values) && values.Length > 0
            ? Resolve(page.FinalUrl, values[0].Trim())
            : null;
        if ((webmention is null || pingback is null) && LooksLikeHtml(page))
        {
            var document = Parser.ParseDocument(page.Body);
            var baseUrl = page.FinalUrl;
            webmention ??= document.QuerySelectorAll("link[href], a[href]")
                .Where(e => HasRel(e.GetAttribute("rel"), "webmention"))
                .Select(e => Resolve(baseUrl, e.GetAttribute("href")!))
                .FirstOrDefault(u => u is not null);
            pingback ??= document.QuerySelectorAll("link[href]")
                .Where(e => HasRel(e.GetAttribute("rel"), "pingback"))
                .Select(e => Resolve(baseUrl, e.GetAttribute("href")!))
                .FirstOrDefault(u => u is not null);
        }

        return new Endpoints(webmention, pingback);
    }

    private static bool LooksLikeHtml(FetchResult page) =>
        page.ContentType is null or "text/html" or "application/xhtml+xml";

    /// <summary>The first Link header entry whose rel holds <paramref name="rel"/>, over every Link header in order.</summary>
    private static Uri? FromLinkHeaders(FetchResult page, string rel)
    {
        if (!page.Headers.TryGetValue("Link", out var headers))
        {
            return null;
        }

        foreach (var header in headers)
        {
            foreach (var (target, parameters) in ParseLinkHeader(header))
            {
                if (parameters.TryGetValue("rel", out var rels) && HasRel(rels, rel) && Resolve(page.FinalUrl, target) is { } url)
                {
                    return url;
                }
            }
        }

        return null;
    }

    /// <summary>RFC 8288 link values: <c>&lt;uri&gt;; name=value; name="quoted, value"</c>, separated by commas outside quotes and angle brackets.</summary>
    internal static IEnumerable<(string Target, Dictionary<string, string> Parameters)> ParseLinkHeader(string header)
    {
        var i = 0;
        while (i < header.Length)
        {
            var open = header.IndexOf('<', i);
            if (open < 0)
            {
                yield break;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                yield break;
            }

            var target = header[(open + 1)..close];
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i = close + 1;
            while (i < header.Length && header[i] != ',')
            {
                if (header[i] != ';')
                {
                    i++;
                    continue;
                }

                i++;
                var nameStart = i;
                while (i < header.Length && header[i] is not ('=' or ';' or ','))
                {
                    i++;
                }

                var name = header[nameStart..i].Trim();
                var value = "";
                if (i < header.Length && header[i] == '=')
                {
                    i++;
                    while (i < header.Length && header[i] == ' ')
                    {
                        i++;
                    }

                    if (i < header.Length && header[i] == '"')
                    {
                        var end = header.IndexOf('"', i + 1);
                        end = end < 0 ? header.Length : end;
                        value = header[(i + 1)..end];
                        i = Math.Min(header.Length, end + 1);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < header.Length && header[i] is not (';' or ','))
                        {
                            i++;
                        }

                        value = header[valueStart..i].Trim();
                    }
                }

                if (name.Length > 0)
                {
                    parameters.TryAdd(name, value);
                }
            }

            yield return (target, parameters);
            i++;
        }
    }

    /// <summary>Whether a space-separated rel list holds the token, in any case ("Webmention", "nofollow webmention").</summary>
    private static bool HasRel(string? rels, string token) =>
        rels is not null && rels.Split((char[])[' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Any(r => r.Equals(token, StringComparison.OrdinalIgnoreCase));

    private static Uri? Resolve(Uri page, string href) =>
        Uri.TryCreate(page, href.Trim(), out var url) && url.Scheme is "http" or "https" ? url : null;
}
