using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Finds a people called vermin: a nationality, ethnicity or faith with a dehumanising noun right
/// after it ("Zionist vermin", "Venezuelans swarmed in like locusts", "русня — скот"). The
/// classifier knows the slurs it was trained on; a new pairing of a people and an animal, a pest or
/// a disease shares only this shape with them. Negated ("Russians are not animals"), reported ("the
/// minister called them animals") or quoted, it does not count.
/// </summary>
public sealed class DehumanizationPhase(ApprovedPatterns approved) : PatternPhase(approved)
{
    /// <summary>How many words after the people the dehumanising noun may come.</summary>
    private const int Reach = 3;

    /// <summary>Above the default hate hold: a moderator reads it.</summary>
    internal const double Score = 0.6;

    /// <summary>People-class words that name no nationality, ethnicity or faith ("civilians were herded like cattle" is reporting).</summary>
    private static readonly HashSet<string> NotAPeople = new(StringComparer.Ordinal)
    {
        "civilians", "civilian", "women", "children", "kids", "babies", "families", "population", "peoples", "nation", "nations", "race",
        "migrants", "migrant", "immigrants", "immigrant", "refugees", "refugee", "settlers",
    };

    /// <summary>English names of peoples that are plural without an -s.</summary>
    private static readonly HashSet<string> PluralAsIs = new(StringComparer.Ordinal)
    {
        "chinese", "japanese", "taiwanese", "sudanese", "lebanese", "vietnamese", "burmese", "congolese", "british", "french", "irish", "dutch", "swiss",
    };

    public override string Name => "dehumanization";

    protected override (Signal Signal, string Pattern)? Detect(PhaseContext context, Func<string, bool> skip)
    {
        var roles = context.ThreatRoles;
        foreach (var (start, end) in context.Sentences)
        {
            if (Find(context, roles, start, end, skip) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// In one sentence: nothing reported anywhere in it ("Gazans are animals, the minister said"),
    /// and no negation just before the people ("not Russians", "no Afghans are").
    /// </summary>
    private (Signal Signal, string Pattern)? Find(PhaseContext context, ThreatLexicon.RoleHit[] roles, int start, int end, Func<string, bool> skip)
    {
        var tokens = context.Tokens;
        for (var i = start; i < end; i++)
        {
            if (roles[i].Has(ThreatRole.Reported, out _))
            {
                return null;
            }
        }

        for (var i = start; i < end; i++)
        {
            if (!IsPeople(tokens[i].Value) || NegatedBefore(roles, start, i))
            {
                continue;
            }

            for (var k = i + 1; k < Math.Min(end, i + 1 + Reach); k++)
            {
                if (roles[k].Has(ThreatRole.Not, out _) || roles[k].Has(ThreatRole.Object, out _))
                {
                    break;
                }

                // An adjective ("Russian", "Zionist") names a people only right before its noun.
                if (!HasClass(tokens[k].Value, "@vermin") || (k != i + 1 && !IsPlural(tokens[i].Value)))
                {
                    continue;
                }

                var pattern = tokens[i].Value + "|" + tokens[k].Value;
                if (context.Quotes.Contain(new TextSpan(tokens[k].Start, tokens[k].Length)) || skip(pattern))
                {
                    break;
                }

                var words = Excerpt.Of(context.Input.Text, tokens[i].Start, tokens[k].Start + tokens[k].Length);
                var signal = Signal.Of(Name, Category.Hate, Score, $"Calls a people vermin: “{words}”.",
                    new TextSpan(tokens[i].Start, tokens[i].Length), new TextSpan(tokens[k].Start, tokens[k].Length));
                return (signal, pattern);
            }
        }

        return null;
    }

    private static bool NegatedBefore(ThreatLexicon.RoleHit[] roles, int start, int at)
    {
        for (var k = Math.Max(start, at - 2); k < at; k++)
        {
            if (roles[k].Has(ThreatRole.Not, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPeople(string word) => HasClass(word, "@people") && !NotAPeople.Contains(word);

    private static bool IsPlural(string word) =>
        word.Length > 0 && (word[0] >= '\u0400' || word.EndsWith('s') || PluralAsIs.Contains(word));

    private static bool HasClass(string word, string name)
    {
        foreach (var c in WordClasses.Of(word))
        {
            if (c == name)
            {
                return true;
            }
        }

        return false;
    }
}
