using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Finds veiled threats against a commenter or a journalist: their private life (an address, a car,
/// children, where they work) named beside a menace ("we know", "see you soon", "would be a shame
/// if"). Such threats rarely contain a violent word, so neither the word lists nor the classifier's
/// words see them; the pairing does. Either half alone is ordinary talk.
/// </summary>
public sealed class IntimidationPhase(ApprovedPatterns approved) : PatternPhase(approved)
{
    /// <summary>How many words apart the private detail and the menace may be.</summary>
    private const int Reach = 15;

    /// <summary>Above the default threat hold: a moderator reads it; the pairing alone never rejects.</summary>
    internal const double Score = 0.6;

    public override string Name => "intimidation";

    protected override (Signal Signal, string Pattern)? Detect(PhaseContext context, Func<string, bool> skip)
    {
        var personal = Find(context, ThreatRole.Personal);
        var menace = Find(context, ThreatRole.Menace);
        var from = 0;
        foreach (var p in personal)
        {
            // Both lists are in text order: menaces too far before this detail are too far for the next one.
            while (from < menace.Count && menace[from].Last < p.First - Reach)
            {
                from++;
            }

            for (var k = from; k < menace.Count && menace[k].First <= p.Last + Reach; k++)
            {
                var m = menace[k];
                var overlap = m.First <= p.Last && p.First <= m.Last;
                var pattern = p.Words + "|" + m.Words;
                if (overlap || skip(pattern))
                {
                    continue;
                }

                var text = context.Input.Text;
                var spans = new[] { p.Span, m.Span }.OrderBy(s => s.Start).ToArray();
                var signal = Signal.Of(Name, Category.Threat, Score,
                    $"Names someone's private life beside a menace: “{Excerpt.Of(text, p.Span.Start, p.Span.End)}”, “{Excerpt.Of(text, m.Span.Start, m.Span.End)}”.", spans);
                return (signal, pattern);
            }
        }

        return null;
    }

    private readonly record struct Hit(int First, int Last, TextSpan Span, string Words);

    /// <summary>The unquoted phrases of one role, in text order, with the words they cover.</summary>
    private static List<Hit> Find(PhaseContext context, ThreatRole role)
    {
        var tokens = context.Tokens;
        var roles = context.ThreatRoles;
        var found = new List<Hit>();
        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i].Has(role, out var length))
            {
                var last = i + length - 1;
                var span = new TextSpan(tokens[i].Start, tokens[last].Start + tokens[last].Length - tokens[i].Start);
                if (!context.Quotes.Contain(span))
                {
                    found.Add(new Hit(i, last, span, string.Join(' ', Enumerable.Range(i, length).Select(k => tokens[k].Value))));
                }
            }
        }

        return found;
    }
}
