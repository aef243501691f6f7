using Masthead.Moderation.Text;

namespace Masthead.Moderation.Learning;

/// <summary>
/// Classes of words with one meaning ("killing", "mass-weapon", "place", "people", "vermin"), read
/// from <c>concepts.txt</c>. The classifier gets a word's classes as features beside the word, so a
/// threat worded with a weapon or a city no training line names still shares features with the
/// ones it learned from. Without word vectors (which would need a large download), this is how a
/// small linear model generalises past its vocabulary.
/// </summary>
public static class WordClasses
{
    /// <summary>Letters of a word tried as a prefix, at least and at most.</summary>
    private const int MinPrefix = 3;
    private const int MaxPrefix = 12;

    private static readonly (Dictionary<string, string[]> Exact, Dictionary<string, string[]> Prefixes) Table = Load();

    /// <summary>The classes of a folded word, as feature names ("@killing"); empty for most words.</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        if (Table.Exact.TryGetValue(word, out var exact))
        {
            return exact;
        }

        var prefixes = Table.Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(word.Length, MaxPrefix); length >= MinPrefix; length--)
        {
            if (prefixes.TryGetValue(word.AsSpan(0, length), out var classes))
            {
                return classes;
            }
        }

        return [];
    }

    private static (Dictionary<string, string[]>, Dictionary<string, string[]>) Load()
    {
        var exact = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var lines = ModerationEngine.ResourceLines("Concepts.").ToList();
        if (lines.Count == 0)
        {
            throw new InvalidOperationException("The word classes (concepts.txt) are not embedded.");
        }

        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var name = "@" + parts[0];
            foreach (var entry in parts.Skip(1))
            {
                var prefix = entry.EndsWith('*');
                var tokens = TextNormalizer.Tokenize(entry.TrimEnd('*'));
                if (tokens.Count != 1)
                {
                    continue;
                }

                var word = tokens[0].Value;
                var table = prefix && word.Length >= MinPrefix ? prefixes : exact;
                if (!table.TryGetValue(word, out var set))
                {
                    table[word] = set = [];
                }

                set.Add(name);
            }
        }

        return (Freeze(exact), Freeze(prefixes));
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, HashSet<string>> table) =>
        table.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
