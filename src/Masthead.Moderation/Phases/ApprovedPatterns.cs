using System.Collections.Concurrent;

namespace Masthead.Moderation.Phases;

/// <summary>A phase whose findings are patterns of words, which moderators can release by approving them.</summary>
public interface IPatternPhase : IModerationPhase
{
    /// <summary>The pattern the phase flags in this comment ("flatten|kyiv"); null if none.</summary>
    string? PatternOf(PhaseContext context);
}

/// <summary>
/// What moderators have said about the patterns rule phases flag. A rule cannot be retrained like
/// the classifier, so a pattern that moderators approve in <see cref="ReleaseAfter"/> different
/// comments stops holding comments ("legitimate targets" in a discussion of the laws of war), and
/// rejecting one such comment starts the count again. A pattern with no target ("executed|", a
/// call for someone's death) is never released: approving one death-penalty debate must not let
/// every call for an execution through.
/// </summary>
public sealed class ApprovedPatterns
{
    public const int ReleaseAfter = 2;

    /// <summary>Per pattern, the different comments approved with it (by a hash of their text).</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte>> _approvals = new(StringComparer.Ordinal);

    public void Approved(string phase, string pattern, string text)
    {
        if (!pattern.EndsWith('|'))
        {
            _approvals.GetOrAdd(Key(phase, pattern), _ => new())[StringComparer.Ordinal.GetHashCode(text)] = 0;
        }
    }

    public void Rejected(string phase, string pattern) => _approvals.TryRemove(Key(phase, pattern), out _);

    public bool IsReleased(string phase, string pattern) =>
        _approvals.TryGetValue(Key(phase, pattern), out var comments) && comments.Count >= ReleaseAfter;

    private static string Key(string phase, string pattern) => phase + "\n" + pattern;
}
