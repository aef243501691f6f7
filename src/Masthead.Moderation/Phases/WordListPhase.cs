using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Banned entries reject; suspect entries score their category. Insult words count fully only when
/// aimed at someone in the thread ("you", "ты", "ти", an @name), since "a stupid policy" is
/// criticism, not an attack; a slur inside quotation marks is most often being reported or condemned.
/// </summary>
public sealed class WordListPhase(WordList list) : IModerationPhase
{
    private static readonly HashSet<string> Addressees = new(StringComparer.Ordinal)
    {
        "you", "your", "youre", "u", "ur", "ya", "yourself", "author", "writer", "journalist", "reporter",
        "commenter", "poster", "above", "op",
        "ты", "тебя", "тебе", "твой", "твоя", "вы", "вас", "вам", "автор", "автора", "выше", "комментатор",
        "ти", "тебе", "твій", "твоя", "ви", "вас", "вам", "вище", "коментатор",
        "du", "dich", "dir", "dein", "deine", "sie", "autor",
        "tu", "eres", "te", "ti", "usted", "vous", "toi", "auteur",
    };

    public string Name => "word-lists";

    public void Run(PhaseContext context)
    {
        var text = context.Input.Text;
        foreach (var (entry, span) in list.Find(context.Tokens))
        {
            if (entry.Banned && !context.Quotes.Contain(span))
            {
                context.Directives.Add(new Directive(Name, ModerationAction.Reject, $"Banned phrase “{entry.Text}”."));
                context.Signals.Add(Signal.Of(Name, entry.Category, 1, $"Banned phrase “{entry.Text}”.", span));
                continue;
            }

            var quoted = context.Quotes.Contain(span);
            // Quoted, even a banned phrase is most likely being reported, so it is weighed, not rejected.
            var score = entry.Category switch
            {
                Category.Insult => AimedAtSomeone(context, span) ? 0.75 : 0.35,
                Category.Hate => quoted ? 0.3 : 0.7,
                Category.Threat => quoted ? 0.3 : 0.65,
                Category.Profanity => 0.5,
                _ => 0.55,
            };
            context.Signals.Add(Signal.Of(Name, entry.Category, score, $"Listed {entry.Category.ToString().ToLowerInvariant()} term “{entry.Text}”{(quoted ? " (quoted)" : "")}.", span));
        }
    }

    private static bool AimedAtSomeone(PhaseContext context, TextSpan span)
    {
        var tokens = context.Tokens;
        var at = 0;
        while (at < tokens.Count && tokens[at].Start < span.Start)
        {
            at++;
        }

        for (var k = Math.Max(0, at - 5); k < Math.Min(tokens.Count, at + 5); k++)
        {
            if (Addressees.Contains(tokens[k].Value))
            {
                return true;
            }
        }

        return context.Input.Text.TrimStart().StartsWith('@') || AloneInItsSentence(context, at);
    }

    /// <summary>
    /// An insult that is nearly its whole sentence ("Moron.", "Was für ein Vollidiot!") is said to
    /// the reader addressed, not about a policy.
    /// </summary>
    private static bool AloneInItsSentence(PhaseContext context, int at)
    {
        var text = context.Input.Text;
        var tokens = context.Tokens;
        bool EndsBefore(int k) => k <= 0 || k >= tokens.Count || SentenceBreaks.Between(text, tokens[k - 1], tokens[k], ".!?\n");
        var start = at;
        while (start > 0 && !EndsBefore(start))
        {
            start--;
        }

        var end = at + 1;
        while (end < tokens.Count && !EndsBefore(end))
        {
            end++;
        }

        return end - start <= ShortSentence;
    }

    /// <summary>Words in a sentence short enough that an insult in it can only be aimed at someone.</summary>
    private const int ShortSentence = 4;
}
