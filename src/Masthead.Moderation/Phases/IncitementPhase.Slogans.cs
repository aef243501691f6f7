using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>Verbless calls: "ICBM to Moscow.", "Ядерный удар по Киеву".</summary>
public sealed partial class IncitementPhase
{
    /// <summary>The longest sentence read as a slogan; longer ones are argument, not chant.</summary>
    private const int SloganLength = 10;

    /// <summary>Words that count a weapon before it ("one Sarmat on London").</summary>
    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "two", "three", "few", "couple", "single", "more", "один", "одна", "одну", "одной", "пару", "ещё", "еще", "ще", "кілька", "несколько",
    };

    /// <summary>
    /// A verbless call: a short sentence that opens with a weapon aimed at a place ("ICBM to Moscow.",
    /// "Ядерный удар по Киеву и вопрос закрыт."). Analysis says the same words with a hedge ("a nuclear
    /// strike on Kyiv would be suicide") or as a question; those stay out.
    /// </summary>
    private static Match? Slogan(ThreatLexicon.RoleHit[] roles, int start, int end, string text, IReadOnlyList<Token> tokens)
    {
        // The sentence with the stop after it: a question is not a slogan.
        var to = end < tokens.Count ? Math.Min(tokens[end].Start, text.Length) : text.Length;
        if (end - start > SloganLength || text.AsSpan(tokens[start].Start, to - tokens[start].Start).Contains('?'))
        {
            return null;
        }

        for (var i = start; i < end; i++)
        {
            if (roles[i].Has(ThreatRole.Not, out _) || roles[i].Has(ThreatRole.Reported, out _) || roles[i].Has(ThreatRole.Hedge, out _))
            {
                return null;
            }
        }

        var at = start;
        while (at < end && (LeadIns.Contains(roles[at].Word) || Counts.Contains(roles[at].Word)))
        {
            at++;
        }

        // The weapon as the first or second word after any count ("one thermobaric strike on", "ядерный удар по"): the
        // word for its blow may stand between it and the word that aims it.
        for (var weapon = at; weapon < Math.Min(end, at + 2); weapon++)
        {
            if (!roles[weapon].Has(ThreatRole.Weapon, out var length) && !roles[weapon].Has(ThreatRole.Act, out length))
            {
                continue;
            }

            for (var toward = weapon + length; toward < Math.Min(end, weapon + length + 2); toward++)
            {
                if (roles[toward].Has(ThreatRole.Object, out _))
                {
                    break;
                }

                if (roles[toward].Has(ThreatRole.Toward, out _))
                {
                    for (var target = toward + 1; target < Math.Min(end, toward + 3); target++)
                    {
                        if (roles[target].Has(ThreatRole.Target, out var targetLength) && !DescribesAThing(roles, target + targetLength, end))
                        {
                            return new Match(default, new Words(weapon, length), new Words(target, targetLength));
                        }
                    }
                }
            }
        }

        return null;
    }
}
