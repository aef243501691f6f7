namespace Masthead.Moderation.Text;

/// <summary>
/// One string per distinct plain word, per thread. A long text says "the" hundreds of times; taking
/// the string from here instead of allocating it each time keeps tokenizing mail-sized texts
/// cheap on the garbage collector. Bounded: emptied when it grows past <see cref="MaxWords"/>.
/// </summary>
internal static class WordCache
{
    private const int MaxWords = 20_000;
    private const int MaxWordLength = 24;

    [ThreadStatic]
    private static Dictionary<string, string>? t_words;

    public static string Get(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength)
        {
            return new string(word);
        }

        var words = t_words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var cached))
        {
            return cached;
        }

        if (words.Count >= MaxWords)
        {
            words.Clear();
        }

        var value = new string(word);
        words[value] = value;
        return value;
    }
}
