namespace Masthead.Moderation.Text;

/// <summary>Words of a comment quoted in a reason: short, and never cut through a character.</summary>
public static class Excerpt
{
    private const int MaxLength = 80;

    public static string Of(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        if (end - start <= MaxLength)
        {
            return text[start..end];
        }

        // A cut between the two halves of a surrogate pair would leave text no database can store.
        var cut = start + MaxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(start, cut - start), "…");
    }
}
