using Masthead.Moderation.Text;

namespace Masthead.Moderation;

/// <summary>What a comment can be judged to be.</summary>
public enum Category
{
    Spam,

    /// <summary>An attack on another commenter, the author or a private person.</summary>
    Insult,

    /// <summary>Slurs, derogatory names and dehumanisation of nationalities, ethnicities and religions.</summary>
    Hate,

    /// <summary>Threats or incitement of violence against people or civilian populations.</summary>
    Threat,

    /// <summary>Swearing; a mild signal on its own.</summary>
    Profanity,
}

/// <summary>What happens to a comment.</summary>
public enum ModerationAction
{
    Approve,

    /// <summary>Wait for a moderator.</summary>
    Hold,
    Spam,
    Reject,
}

/// <summary>One phase's finding: how strongly the comment looks like <see cref="Category"/>, why, and where.</summary>
public sealed record Signal(string Phase, Category Category, double Score, string Reason, IReadOnlyList<TextSpan> Spans)
{
    public static Signal Of(string phase, Category category, double score, string reason, params TextSpan[] spans) =>
        new(phase, category, Math.Clamp(score, 0, 1), reason, spans);
}

/// <summary>
/// A phase may also ask for an action outright (a banned phrase rejects, a banned commenter is
/// held); the policy takes the strictest of these and of what the scores call for.
/// </summary>
public sealed record Directive(string Phase, ModerationAction Action, string Reason);

/// <summary>The engine's decision with everything that led to it.</summary>
public sealed record ModerationResult(
    ModerationAction Action,
    IReadOnlyDictionary<Category, double> Scores,
    IReadOnlyList<Signal> Signals,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Every offending part of the text, merged and in order, for highlighting.</summary>
    public IReadOnlyList<TextSpan> Spans => Signals.SelectMany(s => s.Spans).Distinct().OrderBy(s => s.Start).ToList();
}
