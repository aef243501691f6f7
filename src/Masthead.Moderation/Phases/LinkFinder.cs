using System.Text.RegularExpressions;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Finds links the way spammers write them: with a scheme, starting "www.", or as a bare domain
/// with a telling ending ("cheap-meds.top/offer"). Bare domains are found from their ending
/// backwards, which stays fast on long texts where a regular expression trying every word is not.
/// </summary>
public static partial class LinkFinder
{
    private static readonly HashSet<string> BareDomainEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "xyz", "top", "click", "site", "shop", "online", "info", "biz", "io", "ru", "su", "me",
        "ly", "gl", "gd", "cc", "pw", "icu", "vip", "bet", "loan", "store", "club", "live", "app",
    };

    // A literal start and one greedy character class: it cannot backtrack, so it needs no time limit
    // (and a time limit costs a clock check per character on long texts).
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'()]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeLink();

    public static IReadOnlyList<Link> Find(string text)
    {
        if (text.Length > TextNormalizer.MaxAnalysedLength)
        {
            text = text[..TextNormalizer.MaxAnalysedLength];
        }

        var links = new List<Link>();
        foreach (var m in SchemeLink().EnumerateMatches(text))
        {
            Add(links, text, m.Index, m.Length);
        }

        for (var dot = text.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = text.IndexOf('.', dot + 1))
        {
            var tldEnd = dot + 1;
            while (tldEnd < text.Length && char.IsAsciiLetter(text[tldEnd]))
            {
                tldEnd++;
            }

            if (tldEnd == dot + 1 || (tldEnd < text.Length && (char.IsAsciiLetterOrDigit(text[tldEnd]) || text[tldEnd] == '-')) ||
                !BareDomainEndings.Contains(text[(dot + 1)..tldEnd]))
            {
                continue;
            }

            var start = dot;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '.'))
            {
                start--;
            }

            if (start == dot || (start > 0 && text[start - 1] is '@' or '/'))
            {
                continue; // ".com" alone, an email address, or part of a link already found
            }

            var end = tldEnd;
            if (end < text.Length && text[end] == '/')
            {
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('<' or '>' or '"' or '\'' or '(' or ')'))
                {
                    end++;
                }
            }

            if (!links.Any(l => start < l.Span.End && l.Span.Start < end))
            {
                Add(links, text, start, end - start);
            }
        }

        links.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return links;
    }

    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?'];

    private static void Add(List<Link> links, string text, int start, int length)
    {
        var value = text.Substring(start, length).TrimEnd(TrailingPunctuation);
        if (HostOf(value) is { } host)
        {
            links.Add(new Link(value, host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host, new TextSpan(start, value.Length)));
        }
    }

    /// <summary>
    /// The host of a link, lower case, if it looks like a domain name with a dot. Read by hand
    /// rather than with <see cref="Uri"/>: links in the wild are often malformed, and a failed
    /// <c>Uri.TryCreate</c> is slow, which a spammer's text full of broken links could exploit.
    /// </summary>
    internal static string? HostOf(string link)
    {
        var from = link.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var at = link.IndexOf('@', from);
        var end = link.AsSpan(from).IndexOfAny('/', '?', '#') is var stop and >= 0 ? from + stop : link.Length;
        if (at >= 0 && at < end)
        {
            from = at + 1; // user:password@host
        }

        var host = link.AsSpan(from, end - from);
        if (host.IndexOf(':') is var port and >= 0)
        {
            host = host[..port];
        }

        if (host.Length is < 3 or > 253 || host[0] == '.' || host[^1] == '.' || !host.Contains('.'))
        {
            return null;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' || (c > 0x7F && char.IsLetterOrDigit(c))))
            {
                return null;
            }
        }

        return host.ToString().ToLowerInvariant();
    }
}
