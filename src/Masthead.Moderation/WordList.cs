using Masthead.Moderation.Text;

namespace Masthead.Moderation;

/// <summary>
/// Banned and suspect words and phrases. A line reads <c>banned hate word</c> or
/// <c>suspect threat two words</c>; a trailing <c>*</c> on the last word matches any ending
/// (for inflected languages: <c>хохл*</c>). Entries go through the same normalizer as comments and
/// match whole words only, so "Scunthorpe" never matches a three-letter insult inside it.
/// </summary>
public sealed class WordList
{
    public sealed record Entry(bool Banned, Category Category, string[] Words, bool PrefixLast, string Text);

    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<Entry> _prefixFirst = [];

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
        var prefix = phrase.EndsWith('*');
        var words = TextNormalizer.Tokenize(prefix ? phrase[..^1] : phrase).Select(t => TextNormalizer.Squeeze(t.Value)).ToArray();
        if (words.Length == 0)
        {
            error = "the phrase has no letters";
            return false;
        }

        entry = new Entry(parts[0] == "banned", category, words, prefix, phrase);
        return true;
    }

    private void Add(Entry entry)
    {
        Count++;
        if (entry.PrefixLast && entry.Words.Length == 1)
        {
            _prefixFirst.Add(entry);
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
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var entry in _prefixFirst)
            {
                if (squeezed[i].StartsWith(entry.Words[0], StringComparison.Ordinal))
                {
                    yield return (entry, new TextSpan(tokens[i].Start, tokens[i].Length));
                }
            }

            if (!_byFirstWord.TryGetValue(squeezed[i], out var candidates))
            {
                continue;
            }

            foreach (var entry in candidates)
            {
                if (Matches(entry, squeezed, i))
                {
                    var last = tokens[i + entry.Words.Length - 1];
                    yield return (entry, new TextSpan(tokens[i].Start, last.Start + last.Length - tokens[i].Start));
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
            var isLast = k == entry.Words.Length - 1;
            var ok = isLast && entry.PrefixLast
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
