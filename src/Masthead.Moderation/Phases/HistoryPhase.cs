namespace Masthead.Moderation.Phases;

/// <summary>What the commenter did before: a ban or earlier spam holds them.</summary>
public sealed class HistoryPhase : IModerationPhase
{
    public string Name => "history";

    public void Run(PhaseContext context)
    {
        var history = context.History;
        if (history.Banned)
        {
            context.Directives.Add(new Directive(Name, ModerationAction.Hold, "The commenter's email, address or name is banned."));
        }
        else if (history.MarkedSpamBefore || history.Spam > 0)
        {
            context.Directives.Add(new Directive(Name, ModerationAction.Hold, "The commenter was marked as a spammer before."));
        }
    }
}
