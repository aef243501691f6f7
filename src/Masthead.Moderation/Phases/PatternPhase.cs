namespace Masthead.Moderation.Phases;

/// <summary>
/// A rule phase whose findings are patterns of words. It reports its first finding that moderators
/// have not released (<see cref="ApprovedPatterns"/>), so a released pattern cannot hide a later one.
/// </summary>
public abstract class PatternPhase(ApprovedPatterns approved) : IPatternPhase
{
    public abstract string Name { get; }

    public void Run(PhaseContext context)
    {
        if (Detect(context, pattern => approved.IsReleased(Name, pattern)) is { } found)
        {
            context.Signals.Add(found.Signal);
        }
    }

    /// <summary>The first pattern in the comment, released or not: what a moderator's decision on it counts for.</summary>
    public string? PatternOf(PhaseContext context) => Detect(context, _ => false)?.Pattern;

    /// <summary>The first finding whose pattern <paramref name="skip"/> does not pass over, with that pattern; null if none.</summary>
    protected abstract (Signal Signal, string Pattern)? Detect(PhaseContext context, Func<string, bool> skip);
}
