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
    /// reach. Apostrophes never count: "I'll" must not make a threat look quoted.
    /// </summary>
    public static bool Around(string text, TextSpan span)
    {
        var before = span.Start == 0 ? -1 : text.AsSpan(0, span.Start).LastIndexOfAny(Openers);
        if (before < 0 || span.Start - before > Reach || text.AsSpan(before + 1, span.Start - before - 1).IndexOfAny(Closers) >= 0)
        {
            return false;
        }

        var after = text.AsSpan(Math.Min(text.Length, span.End)).IndexOfAny(Closers);
        return after >= 0 && after <= Reach;
    }
}
