using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Finds veiled threats against a commenter or a journalist: their private life (an address, a car,
/// children, where they work) named beside a menace ("we know", "see you soon", "would be a shame
/// if"). Such threats rarely contain a violent word, so neither the word lists nor the classifier's
/// words see them; the pairing does. Either half alone is ordinary talk.
/// </summary>
public sealed class IntimidationPhase(ApprovedPatterns approved) : IPatternPhase
{
    /// <summary>How many words apart the private detail and the menace may be.</summary>
    private const int Reach = 15;

    /// <summary>Above the default threat hold: a moderator reads it; the pairing alone never rejects.</summary>
    internal const double Score = 0.6;

    public string Name => "intimidation";

    public void Run(PhaseContext context)
    {
        if (Detect(context) is { } found && !approved.IsReleased(Name, found.Pattern))
        {
            context.Signals.Add(found.Signal);
        }
    }

    public string? PatternOf(PhaseContext context) => Detect(context)?.Pattern;

    private (Signal Signal, string Pattern)? Detect(PhaseContext context)
    {
        var tokens = context.Tokens;
        if (tokens.Count == 0)
        {
            return null;
        }

        var text = context.Input.Text;
        var roles = context.ThreatRoles;
        var personal = Find(roles, tokens, text, ThreatRole.Personal);
        var menace = Find(roles, tokens, text, ThreatRole.Menace);
        foreach (var (p, pSpan) in personal)
        {
            foreach (var (m, mSpan) in menace)
            {
                if (Math.Abs(p - m) <= Reach && pSpan != mSpan)
                {
                    var spans = new[] { pSpan, mSpan }.OrderBy(s => s.Start).ToArray();
                    var signal = Signal.Of(Name, Category.Threat, Score,
                        $"Names someone's private life beside a menace: “{Quote(text, pSpan)}”, “{Quote(text, mSpan)}”.", spans);
                    return (signal, Quote(text, pSpan).ToLowerInvariant() + "|" + Quote(text, mSpan).ToLowerInvariant());
                }
            }
        }

        return null;
    }

    private static List<(int Index, TextSpan Span)> Find(ThreatLexicon.RoleHit[] roles, IReadOnlyList<Token> tokens, string text, ThreatRole role)
    {
        var found = new List<(int, TextSpan)>();
        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i].Has(role, out var length))
            {
                var last = tokens[i + length - 1];
                var span = new TextSpan(tokens[i].Start, last.Start + last.Length - tokens[i].Start);
                if (!Quotes.Around(text, span))
                {
                    found.Add((i, span));
                }
            }
        }

        return found;
    }

    private static string Quote(string text, TextSpan span) => text.Substring(span.Start, span.Length);
}
