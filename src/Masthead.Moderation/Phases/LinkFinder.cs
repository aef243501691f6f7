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

    private static void Add(List<Link> links, string text, int start, int length)
    {
        var value = text.Substring(start, length).TrimEnd('.', ',', ';', ':', '!', '?');
        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal))
        {
            var host = uri.Host.ToLowerInvariant();
            links.Add(new Link(value, host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host, new TextSpan(start, value.Length)));
        }
    }
}
