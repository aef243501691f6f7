using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>The Bayesian filter's view of spam; its clues are the words that gave it away.</summary>
public sealed class SpamFilterPhase(BayesSpamFilter filter) : IModerationPhase
{
    public string Name => "spam-filter";

    public void Run(PhaseContext context)
    {
        var (probability, clues) = filter.Classify(TokensOf(context.Input, context.Tokens, context.Links));
        if (probability < 0.2)
        {
            return;
        }

        var top = clues.Take(3).Select(c => c.Token).ToHashSet(StringComparer.Ordinal);
        var spans = context.Tokens.Where(t => top.Contains(t.Value)).Select(t => new TextSpan(t.Start, t.Length)).Distinct().Take(5).ToArray();
        context.Signals.Add(new Signal(Name, Category.Spam, probability, $"Spam filter: {probability:0.00}{(top.Count > 0 ? $" (“{string.Join("”, “", top)}”)" : "")}.", spans));
    }

    /// <summary>What the filter counts: the words, the hosts linked to, and whether the commenter gave a website.</summary>
    public static IEnumerable<string> TokensOf(CommentInput input, IReadOnlyList<Token> tokens, IReadOnlyList<Link> links)
    {
        foreach (var t in tokens)
        {
            yield return t.Value;
        }

        foreach (var l in links)
        {
            yield return "host:" + l.Host;
            var dot = l.Host.LastIndexOf('.');
            if (dot >= 0)
            {
                yield return "tld:" + l.Host[(dot + 1)..];
            }
        }

        yield return links.Count switch { 0 => "links:0", 1 => "links:1", _ => "links:many" };
        if (!string.IsNullOrWhiteSpace(input.AuthorUrl))
        {
            yield return "has-website";
        }
    }
}
