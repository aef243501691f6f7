using Masthead.Moderation.Text;

namespace Masthead.Moderation;

/// <summary>
/// Banned and suspect words and phrases. A line reads <c>banned hate word</c> or
/// <c>suspect threat two words</c>; a trailing <c>*</c> on any word matches any ending
/// (for inflected languages: <c>хохл*</c>, <c>ядерн* удар по</c>). Entries go through the same normalizer as comments and
/// match whole words only, so "Scunthorpe" never matches a three-letter insult inside it.
/// </summary>
public sealed class WordList
{
    /// <param name="Prefix">Per word: whether it matches any ending ("ядерн*" matches "ядерный").</param>
    public sealed record Entry(bool Banned, Category Category, string[] Words, bool[] Prefix, string Text);

    /// <summary>Letters of a prefix entry's first word that index it: each word then looks up only the entries it could start.</summary>
    private const int PrefixKeyLength = 3;

    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byFirstLetters = new(StringComparer.Ordinal);
    private readonly List<Entry> _shortPrefixFirst = [];

    public WordList(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (TryParseLine(line, out var entry, out _) && entry is not null)
            {
                Add(entry);
            }
        }
    }

    public int Count { get; private set; }

    public static bool TryParseLine(string line, out Entry? entry, out string? error)
    {
        entry = null;
        error = null;
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return false;
        }

        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || parts[0] is not ("banned" or "suspect") || !Enum.TryParse<Category>(parts[1], ignoreCase: true, out var category))
        {
            error = "expected 'banned|suspect <spam|insult|hate|threat|profanity> <word or phrase>'";
            return false;
        }

        var phrase = parts[2];
        var words = new List<string>();
        var prefix = new List<bool>();
        foreach (var part in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = TextNormalizer.Tokenize(part.TrimEnd('*'));
            for (var k = 0; k < tokens.Count; k++)
            {
                words.Add(TextNormalizer.Squeeze(tokens[k].Value));
                prefix.Add(k == tokens.Count - 1 && part.EndsWith('*'));
            }
        }

        if (words.Count == 0)
        {
            error = "the phrase has no letters";
            return false;
        }

        entry = new Entry(parts[0] == "banned", category, [.. words], [.. prefix], phrase);
        return true;
    }

    private void Add(Entry entry)
    {
        Count++;
        if (entry.Prefix[0])
        {
            if (entry.Words[0].Length < PrefixKeyLength)
            {
                _shortPrefixFirst.Add(entry);
            }
            else
            {
                var key = entry.Words[0][..PrefixKeyLength];
                if (!_byFirstLetters.TryGetValue(key, out var prefixed))
                {
                    _byFirstLetters[key] = prefixed = [];
                }

                prefixed.Add(entry);
            }

            return;
        }

        if (!_byFirstWord.TryGetValue(entry.Words[0], out var list))
        {
            _byFirstWord[entry.Words[0]] = list = [];
        }

        list.Add(entry);
    }

    /// <summary>Every entry found in the tokens, with the span of the words that matched.</summary>
    public IEnumerable<(Entry Entry, TextSpan Span)> Find(IReadOnlyList<Token> tokens)
    {
        var squeezed = tokens.Select(t => TextNormalizer.Squeeze(t.Value)).ToArray();
        var byLetters = _byFirstLetters.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = squeezed[i];
            var prefixed = word.Length >= PrefixKeyLength && byLetters.TryGetValue(word.AsSpan(0, PrefixKeyLength), out var found) ? found : null;
            var exact = _byFirstWord.GetValueOrDefault(word);
            foreach (var candidates in (List<Entry>?[])[_shortPrefixFirst, prefixed, exact])
            {
                foreach (var entry in candidates ?? [])
                {
                    if (Matches(entry, squeezed, i))
                    {
                        var last = tokens[i + entry.Words.Length - 1];
                        yield return (entry, new TextSpan(tokens[i].Start, last.Start + last.Length - tokens[i].Start));
                    }
                }
            }
        }
    }

    private static bool Matches(Entry entry, string[] words, int at)
    {
        if (at + entry.Words.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < entry.Words.Length; k++)
        {
            var ok = entry.Prefix[k]
                ? words[at + k].StartsWith(entry.Words[k], StringComparison.Ordinal)
                : words[at + k] == entry.Words[k];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
