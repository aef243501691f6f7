using System.Collections.Concurrent;

namespace Masthead.Moderation.Phases;

/// <summary>A phase whose findings are patterns of words, which moderators can release by approving them.</summary>
public interface IPatternPhase : IModerationPhase
{
    /// <summary>The pattern the phase would flag in this comment ("flatten|kyiv"), released or not; null if none.</summary>
    string? PatternOf(PhaseContext context);
}

/// <summary>
/// What moderators have said about the patterns rule phases flag. A rule cannot be retrained like
/// the classifier, so a pattern that moderators approve <see cref="ReleaseAfter"/> times stops
/// holding comments ("legitimate targets" in a discussion of the laws of war), and rejecting one
/// such comment starts the count again.
/// </summary>
public sealed class ApprovedPatterns
{
    public const int ReleaseAfter = 2;

    private readonly ConcurrentDictionary<string, int> _approvals = new(StringComparer.Ordinal);

    public void Approved(string phase, string pattern) => _approvals.AddOrUpdate(Key(phase, pattern), 1, (_, n) => n + 1);

    public void Rejected(string phase, string pattern) => _approvals.TryRemove(Key(phase, pattern), out _);

    public bool IsReleased(string phase, string pattern) => _approvals.TryGetValue(Key(phase, pattern), out var n) && n >= ReleaseAfter;

    private static string Key(string phase, string pattern) => phase + "\n" + pattern;
}
