namespace Masthead.Moderation.Text;

/// <summary>
/// The quoted stretches of a comment: a slur or a call inside quotation marks is most often being
/// reported or condemned. Marks are paired in one pass over the text, so asking about every word
/// costs no more than reading the text once.
/// </summary>
public sealed class Quotes
{
    private const string DoubleOpeners = "\"“«„";
    private const string DoubleClosers = "\"”»“";

    /// <summary>The longest stretch taken as a quotation; a mark left open longer is a stray one.</summary>
    private const int MaxQuote = 200;

    /// <summary>
    /// Fewer words than this outside the marks, and the quotation is the commenter's own message
    /// ("“Gas them all.”"), not a quote of someone else's.
    /// </summary>
    private const int MinOwnWords = 3;

    /// <summary>Words that start with an apostrophe without opening a quotation ("nuke 'em").</summary>
    private static readonly string[] Elisions = ["em", "cause", "til", "bout", "round", "n"];

    private readonly List<TextSpan> _stretches;

    private Quotes(List<TextSpan> stretches) => _stretches = stretches;

    /// <summary>The comment's quoted stretches, given its words.</summary>
    public static Quotes Of(string text, IReadOnlyList<Token> tokens)
    {
        var stretches = Pair(text);
        if (stretches.Count > 0)
        {
            var own = 0;
            var candidate = new Quotes(stretches);
            foreach (var token in tokens)
            {
                if (!candidate.Contain(new TextSpan(token.Start, token.Length)) && ++own >= MinOwnWords)
                {
                    return candidate;
                }
            }
        }

        return new Quotes([]);
    }

    /// <summary>Whether the span lies inside one quoted stretch.</summary>
    public bool Contain(TextSpan span)
    {
        // The last stretch starting at or before the span is the only one that can hold it.
        int low = 0, high = _stretches.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_stretches[mid].Start <= span.Start)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found >= 0 && span.End <= _stretches[found].End;
    }

    /// <summary>
    /// The tokens outside quotation marks: what the classifier reads, in training and in judging, so a
    /// slur or a threat quoted to condemn it does not count as the commenter's own words.
    /// </summary>
    public IReadOnlyList<Token> Unquoted(IReadOnlyList<Token> tokens)
    {
        if (_stretches.Count == 0)
        {
            return tokens;
        }

        var kept = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!Contain(new TextSpan(token.Start, token.Length)))
            {
                kept.Add(token);
            }
        }

        return kept;
    }

    /// <summary>
    /// Pairs marks left to right: double marks of any style, and single marks standing at a word's
    /// edge ('nuke them all'). An apostrophe inside a word ("I'll") or after one ("Russians'") never
    /// opens a quotation.
    /// </summary>
    private static List<TextSpan> Pair(string text)
    {
        var stretches = new List<TextSpan>();
        int? open = null;
        int? single = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open is { } o && i - o > MaxQuote)
            {
                open = null;
            }

            if (single is { } s && i - s > MaxQuote)
            {
                single = null;
            }

            if (open is { } start && DoubleClosers.Contains(c))
            {
                stretches.Add(new TextSpan(start + 1, i - start - 1));
                open = null;
                single = null;
                continue;
            }

            if (open is null && DoubleOpeners.Contains(c))
            {
                open = i;
                continue;
            }

            if (c is not ('\'' or '‘' or '’'))
            {
                continue;
            }

            var letterBefore = i > 0 && char.IsLetterOrDigit(text[i - 1]);
            var letterAfter = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (single is { } from && letterBefore && !letterAfter)
            {
                stretches.Add(new TextSpan(from + 1, i - from - 1));
                single = null;
            }
            else if (single is null && open is null && !letterBefore && letterAfter && !IsElision(text, i + 1))
            {
                single = i;
            }
        }

        stretches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return stretches;
    }

    private static bool IsElision(string text, int at)
    {
        foreach (var word in Elisions)
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (at + word.Length == text.Length || !char.IsLetter(text[at + word.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
