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
        if (context.Tokens.Count < WordsToStandAlone && !HasPayload(context))
        {
            // Spam sells something, so it carries a way to reach the seller. A short text without
            // one ("Thank you for your work.") shares its words with praise-and-link spam but does
            // no harm: its verdict is pulled towards "unsure" the shorter it is.
            probability = 0.5 + ((probability - 0.5) * context.Tokens.Count / WordsToStandAlone);
        }

        if (probability < 0.2)
        {
            return;
        }

        var top = clues.Take(3).Select(c => c.Token).ToHashSet(StringComparer.Ordinal);
        var spans = context.Tokens.Where(t => top.Contains(t.Value)).Select(t => new TextSpan(t.Start, t.Length)).Distinct().Take(5).ToArray();
        context.Signals.Add(new Signal(Name, Category.Spam, probability, $"Spam filter: {probability:0.00}{(top.Count > 0 ? $" (“{string.Join("”, “", top)}”)" : "")}.", spans));
    }

    private const int WordsToStandAlone = 30;

    // Ways to reach a seller without a link: messengers, "DM me", "link in my bio", in the
    // languages of the word lists.
    private static readonly HashSet<string> ContactWords = new(StringComparer.Ordinal)
    {
        "whatsapp", "telegram", "wechat", "viber", "wickr", "skype", "discord", "snapchat", "kik", "dm", "pm", "inbox", "bio",
        "телеграм", "телеграмм", "телеге", "ватсап", "вотсап", "вацап", "вайбер", "личку", "лс", "директ", "пишите", "пишіть",
    };

    private static bool HasPayload(PhaseContext context) =>
        context.Links.Count > 0 ||
        !string.IsNullOrWhiteSpace(context.Input.AuthorUrl) ||
        context.Input.Text.Contains('@', StringComparison.Ordinal) ||
        context.Tokens.Any(t => ContactWords.Contains(t.Value) || (t.Value.Length >= 7 && t.Value.All(char.IsAsciiDigit)));

    private static readonly HashSet<string> TelltaleHeaders = new(StringComparer.Ordinal)
    {
        "subject", "from", "to", "reply-to", "return-path", "received", "content-type", "x-mailer", "user-agent", "message-id", "list-id",
    };

    /// <summary>
    /// Text that starts with mail headers ("Name: value" lines up to a blank line) — a pasted or
    /// relayed message — also yields its telling headers' words prefixed with the header's name,
    /// since "subject:free" says more than "free" anywhere.
    /// </summary>
    private static IEnumerable<string> HeaderTokens(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (end < 0 || !LooksLikeHeader(text))
        {
            yield break;
        }

        string? name = null;
        foreach (var line in text[..end].Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                // A folded continuation of the previous header.
            }
            else
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                name = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : null;
                yield return "header:" + name;
            }

            if (name is null || !TelltaleHeaders.Contains(name))
            {
                continue;
            }

            var value = line.Contains(':', StringComparison.Ordinal) && !(line[0] is ' ' or '\t') ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..] : line;
            foreach (var t in TextNormalizer.Tokenize(value))
            {
                yield return name + ":" + t.Value;
            }
        }
    }

    private static bool LooksLikeHeader(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return colon > 0 && (newline < 0 || colon < newline) && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    private static readonly string[] MoneyTokens = [.. Enumerable.Range(0, 10).Select(digits => $"money:{digits}digits")];

    /// <summary>What the filter counts: the words, prices and percentages, the hosts linked to, mail headers, and whether the commenter gave a website.</summary>
    public static IEnumerable<string> TokensOf(CommentInput input, IReadOnlyList<Token> tokens, IReadOnlyList<Link> links)
    {
        var text = input.Text;
        foreach (var t in tokens)
        {
            yield return t.Value;

            // Prices and percentages ("$455,000", "342%") are what sellers write; the normalized
            // words lose the sign, so it comes back as a token of its own.
            if (t.Start > 0 && t.Start < text.Length && text[t.Start - 1] == '$')
            {
                yield return char.IsAsciiDigit(text[t.Start]) ? MoneyTokens[Math.Min(t.Length, MoneyTokens.Length - 1)] : "money:" + t.Value;
            }

            if (t.Start + t.Length < text.Length && text[t.Start + t.Length] == '%')
            {
                yield return "percent";
            }
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
        foreach (var token in HeaderTokens(text))
        {
            yield return token;
        }
        // Comment spam mostly gives a website and readers mostly do not, so a website is a clue;
        // a linkback always has one (the page that linked), and learns what linkbacks are instead.
        if (input.Linkback)
        {
            yield return "linkback";
        }
        else if (!string.IsNullOrWhiteSpace(input.AuthorUrl))
        {
            yield return "has-website";
        }
    }
}
