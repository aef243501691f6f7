namespace Masthead.Moderation.Phases;

/// <summary>Counts links, knows blocked domains and URL shorteners, and distrusts a newcomer's link.</summary>
public sealed class LinkPhase : IModerationPhase
{
    private static readonly HashSet<string> Shorteners = new(StringComparer.OrdinalIgnoreCase)
    {
        "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rb.gy", "shorturl.at",
        "tiny.cc", "rebrand.ly", "s.id", "clck.ru", "vk.cc", "t.ly", "bl.ink", "lnkd.in", "shorte.st", "adf.ly",
    };

    public string Name => "links";

    public void Run(PhaseContext context)
    {
        var links = context.Links;
        var options = context.Options;
        var blocked = new HashSet<string>(options.BlockedDomains.Select(d => d.Trim().ToLowerInvariant()), StringComparer.Ordinal);

        // The commenter's website is shown as a link on their name, so it is judged like one.
        var website = string.IsNullOrWhiteSpace(context.Input.AuthorUrl) ? [] : LinkFinder.Find(context.Input.AuthorUrl)
            .Select(l => l with { Span = new Text.TextSpan(0, 0) }).ToList();
        foreach (var link in links.Concat(website))
        {
            if (blocked.Any(b => link.Host == b || link.Host.EndsWith("." + b, StringComparison.Ordinal)))
            {
                context.Signals.Add(Signal.Of(Name, Category.Spam, 1, $"Link to blocked domain {link.Host}.", link.Span));
                context.Directives.Add(new Directive(Name, ModerationAction.Spam, $"Link to blocked domain {link.Host}."));
            }
            else if (Shorteners.Contains(link.Host))
            {
                context.Signals.Add(Signal.Of(Name, Category.Spam, 0.75, $"Shortened link ({link.Host}) hides where it goes.", link.Span));
            }
        }

        if (links.Count > options.MaxLinks)
        {
            context.Signals.Add(Signal.Of(Name, Category.Spam, 0.75, $"{links.Count} links (more than {options.MaxLinks}).", links.Select(l => l.Span).ToArray()));
        }

        if (links.Count > 0 && options.HoldFirstTimeLinks && context.History.IsFirstTime)
        {
            context.Directives.Add(new Directive(Name, ModerationAction.Hold, "A first-time commenter's link."));
        }
    }
}
