namespace Masthead.Moderation;

/// <summary>Turns signals and directives into one action, and says why.</summary>
public static class ModerationPolicy
{
    public static ModerationResult Decide(IReadOnlyList<Signal> signals, IReadOnlyList<Directive> directives, CommenterHistory history, ModerationOptions options)
    {
        var scores = Enum.GetValues<Category>().ToDictionary(c => c, c => signals.Where(s => s.Category == c).Select(s => s.Score).DefaultIfEmpty(0).Max());
        var trusted = history.Approved >= options.TrustedAfter;
        var action = ModerationAction.Approve;
        var reasons = new List<string>();

        foreach (var d in directives)
        {
            action = Strictest(action, d.Action);
            reasons.Add(d.Reason);
        }

        foreach (var (category, score) in scores)
        {
            var t = options.Thresholds[category];

            // A trusted commenter's comment is held only when the evidence is strong.
            var hold = trusted ? Math.Max(t.Hold, 0.8) : t.Hold;
            if (score >= t.Act)
            {
                action = Strictest(action, category == Category.Spam ? ModerationAction.Spam : ModerationAction.Reject);
            }
            else if (score >= hold)
            {
                action = Strictest(action, ModerationAction.Hold);
            }
            else
            {
                continue;
            }

            reasons.AddRange(signals.Where(s => s.Category == category && s.Score >= hold).OrderByDescending(s => s.Score).Select(s => s.Reason));
        }

        if (action == ModerationAction.Approve)
        {
            if (options.PreModeration == PreModeration.All)
            {
                action = ModerationAction.Hold;
                reasons.Add("Every comment is read by a moderator first.");
            }
            else if (options.PreModeration == PreModeration.FirstTime && history.IsFirstTime)
            {
                action = ModerationAction.Hold;
                reasons.Add("First comment from this commenter: held for a moderator.");
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(trusted ? "Trusted commenter; nothing found." : "Nothing found.");
        }

        return new ModerationResult(action, scores, signals, reasons.Distinct().ToList());
    }

    private static ModerationAction Strictest(ModerationAction a, ModerationAction b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(ModerationAction a) => a switch
    {
        ModerationAction.Reject => 3,
        ModerationAction.Spam => 2,
        ModerationAction.Hold => 1,
        _ => 0,
    };
}
