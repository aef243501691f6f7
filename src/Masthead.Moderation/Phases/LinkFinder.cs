using System.Text.RegularExpressions;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>Finds links the way spammers write them: with a scheme, starting "www.", or as a bare domain with a telling ending.</summary>
public static partial class LinkFinder
{
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|xyz|top|click|site|shop|online|info|biz|io|ru|su|me|ly|gl|gd|cc|pw|icu|vip|bet|loan|store|club|live|app)(?:/[^\s<>""'()]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LinkPattern();

    public static IReadOnlyList<Link> Find(string text)
    {
        var links = new List<Link>();
        try
        {
            foreach (Match m in LinkPattern().Matches(text.Length > TextNormalizer.MaxAnalysedLength ? text[..TextNormalizer.MaxAnalysedLength] : text))
            {
                var value = m.Value.TrimEnd('.', ',', ';', ':', '!', '?');
                var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
                if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal))
                {
                    var host = uri.Host.ToLowerInvariant();
                    links.Add(new Link(value, host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host, new TextSpan(m.Index, value.Length)));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: judge it by the links found so far.
        }

        return links;
    }
}
