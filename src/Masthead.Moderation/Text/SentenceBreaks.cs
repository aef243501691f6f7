namespace Masthead.Moderation.Text;

/// <summary>Where a comment's sentences and clauses end, read from the original text between its words.</summary>
public static class SentenceBreaks
{
    /// <summary>Marks that end a sentence: ".", "!", "?", ";" and a line break.</summary>
    public const string Ends = ".!?;\n";

    /// <summary>The original text between two words; empty when they touch.</summary>
    public static ReadOnlySpan<char> Gap(string text, Token before, Token after)
    {
        var from = before.Start + before.Length;
        var to = Math.Min(after.Start, text.Length);
        return from < to ? text.AsSpan(from, to - from) : [];
    }

    /// <summary>Whether one of <paramref name="marks"/> stands between two words.</summary>
    public static bool Between(string text, Token before, Token after, string marks = Ends) =>
        Gap(text, before, after).IndexOfAny(marks) >= 0;

    /// <summary>The comment's sentences as runs of word indexes, [Start, End).</summary>
    public static List<(int Start, int End)> Of(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i == tokens.Count - 1 || Between(text, tokens[i], tokens[i + 1]))
            {
                sentences.Add((start, i + 1));
                start = i + 1;
            }
        }

        return sentences;
    }
}
