namespace Masthead.Moderation.Phases;

/// <summary>Who a call aims at: a target beside the act, the subject before the call, or the object right after an order.</summary>
public sealed partial class IncitementPhase
{
    /// <summary>
    /// A target within reach of the act, not past a thing between them ("destroy the air defence in
    /// Crimea" aims at the air defence) and not describing a thing that follows it ("Russian refineries").
    /// </summary>
    private static Words? TargetNear(ThreatLexicon.RoleHit[] roles, int start, int end, Words act, bool inside)
    {
        var actEnd = act.Start + act.Length;
        if (inside)
        {
            for (var i = act.Start; i < actEnd; i++)
            {
                if (roles[i].Has(ThreatRole.Target, out var length) && !DescribesAThing(roles, i + length, end))
                {
                    return new Words(i, length);
                }
            }
        }

        for (var i = actEnd; i < Math.Min(end, actEnd + TargetReach); i++)
        {
            if (roles[i].Has(ThreatRole.Object, out _))
            {
                break;
            }

            if (roles[i].Has(ThreatRole.Target, out var length) && !DescribesAThing(roles, i + length, end))
            {
                return new Words(i, length);
            }
        }

        for (var i = act.Start - 1; i >= Math.Max(start, act.Start - TargetReach); i--)
        {
            if (roles[i].Has(ThreatRole.Object, out _))
            {
                break;
            }

            if (roles[i].Has(ThreatRole.Target, out var length) && !DescribesAThing(roles, i + length, end))
            {
                return new Words(i, length);
            }
        }

        return null;
    }

    private static bool DescribesAThing(ThreatLexicon.RoleHit[] roles, int next, int end)
    {
        for (var i = next; i < Math.Min(end, next + 3); i++)
        {
            if (roles[i].Has(ThreatRole.Object, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "their", "those", "these", "that", "this" };

    /// <summary>A target right after a verb, past at most a determiner ("level the city", "shell Donetsk").</summary>
    private static Words? DirectObject(ThreatLexicon.RoleHit[] roles, int at, int end)
    {
        if (at < end && Determiners.Contains(roles[at].Word))
        {
            at++;
        }

        return at < end && roles[at].Has(ThreatRole.Target, out var length) && !DescribesAThing(roles, at + length, end) ? new Words(at, length) : null;
    }

    /// <summary>The target as the subject just before the call ("North Korea should be turned into glass").</summary>
    private static Words? Subject(ThreatLexicon.RoleHit[] roles, int start, Words call)
    {
        for (var i = call.Start - 1; i >= Math.Max(start, call.Start - 3); i--)
        {
            if (roles[i].Has(ThreatRole.Object, out _))
            {
                return null;
            }

            if (roles[i].Has(ThreatRole.Target, out var length) && !DescribesAThing(roles, i + length, call.Start))
            {
                return new Words(i, length);
            }
        }

        return null;
    }
}
