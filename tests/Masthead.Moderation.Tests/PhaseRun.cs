using Masthead.Moderation.Phases;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

/// <summary>Runs one phase alone over a comment, as the engine would.</summary>
internal static class PhaseRun
{
    public static Signal? SignalOf(IModerationPhase phase, string text)
    {
        var context = new PhaseContext(new CommentInput(text, "Reader"), TextNormalizer.Tokenize(text), [], new ModerationOptions());
        phase.Run(context);
        return context.Signals.SingleOrDefault();
    }
}
