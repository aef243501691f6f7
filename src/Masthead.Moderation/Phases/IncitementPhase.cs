using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Finds calls for violence by their shape rather than their words: a demand or an order, then an act
/// of violence, aimed at a place or a people ("Time to turn Tehran into glass", "Drop a nuke on Kyiv",
/// "Zelensky should be executed"). The classifier learns words; a blunt call worded in a way no
/// training line was worded shares only this shape with the ones it learned from. The same words as
/// analysis ("Ukraine should destroy the bridges in Crimea"), as reporting ("Medvedev says they should
/// nuke London"), negated ("no one should die for this") or quoted do not match.
/// </summary>
public sealed partial class IncitementPhase(ApprovedPatterns approved) : PatternPhase(approved)
{
    /// <summary>How far an act may follow its call or order, in words.</summary>
    private const int CallReach = 10;

    /// <summary>How far a target may stand from its act, in words.</summary>
    private const int TargetReach = 5;

    /// <summary>Words a speaker puts before an order without changing it ("just nuke them").</summary>
    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal)
    {
        "just", "so", "then", "now", "simply", "lol", "ok", "okay", "and", "yes", "honestly", "seriously", "please",
        "fine", "really", "well", "oh", "frankly", "guys", "folks", "ну", "просто", "так", "вот", "да", "та", "ось", "і", "и",
    };

    public override string Name => "incitement";

    protected override (Signal Signal, string Pattern)? Detect(PhaseContext context, Func<string, bool> skip)
    {
        var tokens = context.Tokens;
        if (tokens.Count == 0)
        {
            return null;
        }

        var text = context.Input.Text;
        var roles = WithoutQuotedWords(context);
        var clauses = ClauseStarts(text, tokens);
        foreach (var (start, end) in context.Sentences)
        {
            if ((Find(roles, clauses, start, end) ?? Slogan(roles, start, end, text, tokens)) is not { } found)
            {
                continue;
            }

            var pattern = Joined(tokens, found.Act) + "|" + Joined(tokens, found.Target);
            if (skip(pattern))
            {
                continue;
            }

            var spans = new[] { found.Call, found.Act, found.Target }
                .Where(r => r.Length > 0)
                .Select(r => Span(tokens, r))
                .Distinct()
                .OrderBy(s => s.Start)
                .ToArray();
            var quote = Excerpt.Of(text, spans[0].Start, spans.Max(s => s.End));
            return (Signal.Of(Name, Category.Threat, Score, $"Calls for violence: “{quote}”.", spans), pattern);
        }

        return null;
    }

    /// <summary>The words' roles, with quoted words playing none: a call in quotation marks is being reported.</summary>
    private static ThreatLexicon.RoleHit[] WithoutQuotedWords(PhaseContext context)
    {
        var roles = context.ThreatRoles;
        ThreatLexicon.RoleHit[]? copy = null;
        for (var i = 0; i < roles.Length; i++)
        {
            var token = context.Tokens[i];
            if (context.Quotes.Contain(new TextSpan(token.Start, token.Length)))
            {
                copy ??= (ThreatLexicon.RoleHit[])roles.Clone();
                copy[i] = new ThreatLexicon.RoleHit(token.Value, ThreatRole.None, []);
            }
        }

        return copy ?? roles;
    }

    private static string Joined(IReadOnlyList<Token> tokens, Words run) =>
        string.Join(' ', Enumerable.Range(run.Start, run.Length).Select(i => tokens[i].Value));

    /// <summary>Above every default hold threshold for threats: a moderator reads the comment; the shape alone never rejects it.</summary>
    internal const double Score = 0.7;

    private readonly record struct Words(int Start, int Length);

    private readonly record struct Match(Words Call, Words Act, Words Target);

    private static Match? Find(ThreatLexicon.RoleHit[] roles, bool[] clauses, int start, int end)
    {
        if (ReportedIn(roles, start, end))
        {
            return null;
        }

        var call = (Words?)null;
        var lastNot = -10;
        var spoken = false;
        var first = start;
        while (first < end && LeadIns.Contains(roles[first].Word))
        {
            first++;
        }

        var conditional = first < end && roles[first].Has(ThreatRole.Condition, out _);
        for (var i = start; i < end; i++)
        {
            var hit = roles[i];

            // A call is read before its own words' other roles: "why not", "no mercy", "I say".
            // "No one should", "nobody needs to": a negation just before a call turns it around.
            if (!spoken && i - lastNot > 2 && hit.Has(ThreatRole.Call, out var callLength))
            {
                call = new Words(i, callLength);
                i += callLength - 1;
                continue;
            }

            if (hit.Has(ThreatRole.Speaker, out _))
            {
                // Someone else is speaking from here on ("Anyone who cheers this should read ...").
                spoken = true;
                call = null;
                continue;
            }

            if (hit.Has(ThreatRole.Not, out _))
            {
                lastNot = i;
                call = null;
                continue;
            }

            var free = !spoken && i - lastNot > 2;
            if (free && hit.Has(ThreatRole.Order, out var orderLength) && (i == first || IsCyrillic(hit.Word) || (conditional && clauses[i])))
            {
                // An English order opens its sentence, or a clause after a condition ("If they cross
                // the line, level Tallinn"); any other clause may describe ("the playbook: flatten
                // the city"). In Russian and Ukrainian an infinitive or an imperative gives the order
                // wherever it stands ("Зеленского повесить").
                call = new Words(i, orderLength);
                if (hit.Has(ThreatRole.OrderAct, out var orderActLength) && TargetNear(roles, start, end, new Words(i, orderActLength), inside: false) is { } aimed)
                {
                    return new Match(call.Value, new Words(i, orderActLength), aimed);
                }
            }

            if (free && hit.Has(ThreatRole.Verdict, out var verdictLength))
            {
                var verdict = new Words(i, verdictLength);
                var harm = hit.Has(ThreatRole.Harm, out var harmLength) && harmLength >= verdictLength;
                var victim = TargetNear(roles, start, end, verdict, inside: true);
                if (victim is not null || harm)
                {
                    return new Match(default, verdict, victim ?? default);
                }
            }

            if (call is not { } active || i - (active.Start + active.Length) > CallReach)
            {
                continue;
            }

            if (hit.Has(ThreatRole.Harm, out var harmAt))
            {
                var act = new Words(i, harmAt);
                return new Match(active, act, TargetNear(roles, start, end, act, inside: false) ?? default);
            }

            if (hit.Has(ThreatRole.Act, out var actLength) && (TargetNear(roles, start, end, new Words(i, actLength), inside: false) ?? Subject(roles, start, active)) is { } target)
            {
                return new Match(active, new Words(i, actLength), target);
            }

            // After a call, an order-only act counts when its target follows at once ("to level every village").
            if (hit.Has(ThreatRole.OrderAct, out var orderActAt) && DirectObject(roles, i + orderActAt, end) is { } next)
            {
                return new Match(active, new Words(i, orderActAt), next);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether someone else's words are being reported anywhere in the sentence, before the call or
    /// after it ("They should nuke London, Medvedev says"). The words of a call phrase do not count
    /// ("I say nuke them").
    /// </summary>
    private static bool ReportedIn(ThreatLexicon.RoleHit[] roles, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (roles[i].Has(ThreatRole.Call, out var length))
            {
                i += length - 1;
            }
            else if (roles[i].Has(ThreatRole.Reported, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCyrillic(string word) => word.Length > 0 && word[0] is >= '\u0400' and <= '\u04FF';

    private static TextSpan Span(IReadOnlyList<Token> tokens, Words run)
    {
        var first = tokens[run.Start];
        var last = tokens[run.Start + run.Length - 1];
        return new TextSpan(first.Start, last.Start + last.Length - first.Start);
    }

    /// <summary>Per token, whether a comma, colon or dash stands before it: where a clause may start.</summary>
    private static bool[] ClauseStarts(string text, IReadOnlyList<Token> tokens)
    {
        var starts = new bool[tokens.Count];
        for (var i = 1; i < tokens.Count; i++)
        {
            starts[i] = SentenceBreaks.Between(text, tokens[i - 1], tokens[i], ",:—–");
        }

        return starts;
    }
}
