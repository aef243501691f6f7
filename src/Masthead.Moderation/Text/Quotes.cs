namespace Masthead.Moderation.Text;

/// <summary>Whether words are quoted: a slur or a call inside quotation marks is most often being reported or condemned.</summary>
public static class Quotes
{
    private const string Openers = "\"“«„";
    private const string Closers = "\"”»“";

    /// <summary>How far, in characters, a quotation mark may be from the words it encloses.</summary>
    private const int Reach = 60;

    /// <summary>
    /// Inside quotation marks that open before the span and close after it, within a sentence's
    /// reach: double marks of any style, or single marks that stand at a word's edge ('nuke them
    /// all'). An apostrophe inside a word never counts: "I'll" must not make a threat look quoted.
    /// </summary>
    public static bool Around(string text, TextSpan span) => AroundDouble(text, span) || AroundSingle(text, span);

    /// <summary>
    /// The tokens outside quotation marks: what the classifier reads, in training and in judging, so a
    /// slur or a threat quoted to condemn it does not count as the commenter's own words.
    /// </summary>
    public static IReadOnlyList<Token> Unquoted(string text, IReadOnlyList<Token> tokens)
    {
        if (text.AsSpan().IndexOfAny("\"“«„'‘’") < 0)
        {
            return tokens;
        }

        var kept = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!Around(text, new TextSpan(token.Start, token.Length)))
            {
                kept.Add(token);
            }
        }

        return kept;
    }

    private static bool AroundDouble(string text, TextSpan span)
    {
        var before = span.Start == 0 ? -1 : text.AsSpan(0, span.Start).LastIndexOfAny(Openers);
        if (before < 0 || span.Start - before > Reach || text.AsSpan(before + 1, span.Start - before - 1).IndexOfAny(Closers) >= 0)
        {
            return false;
        }

        var after = text.AsSpan(Math.Min(text.Length, span.End)).IndexOfAny(Closers);
        return after >= 0 && after <= Reach;
    }

    private static bool AroundSingle(string text, TextSpan span)
    {
        var open = -1;
        for (var i = Math.Min(span.Start, text.Length) - 1; i >= Math.Max(0, span.Start - Reach); i--)
        {
            if (IsSingle(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                open = i;
                break;
            }
        }

        if (open < 0)
        {
            return false;
        }

        for (var i = Math.Max(span.End, 1); i < Math.Min(text.Length, span.End + Reach); i++)
        {
            if (IsSingle(text[i]) && char.IsLetterOrDigit(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSingle(char c) => c is '\'' or '‘' or '’';
}
