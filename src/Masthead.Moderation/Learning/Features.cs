using Masthead.Moderation.Text;

namespace Masthead.Moderation.Learning;

/// <summary>
/// Hashed features of a comment: whole words, word pairs (adjacent and one word apart), character 3- to 5-grams of each
/// word (which carry across inflections: "хохлы", "хохлов"), and the words' classes (<see cref="WordClasses"/>) alone and
/// in pairs. Hashing keeps the model a fixed
/// size and lets it learn words it has never seen before.
/// </summary>
public static class Features
{
    public const int Bits = 20;
    public const int Size = 1 << Bits;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    [ThreadStatic]
    private static HashSet<int>? t_scratch;

    public static int[] Extract(IReadOnlyList<Token> tokens)
    {
        // One set per thread, emptied each time: a comment's features are gathered without a new set each.
        var result = t_scratch ??= new HashSet<int>();
        result.Clear();
        Span<char> buffer = stackalloc char[32];
        string? previous = null;
        string? beforePrevious = null;
        IReadOnlyList<string> previousClasses = [];
        IReadOnlyList<string> beforePreviousClasses = [];
        foreach (var token in tokens)
        {
            var word = token.Value;
            result.Add(Hash('w', word));
            if (previous is not null)
            {
                result.Add(Hash('b', previous, word));
            }

            // Pairs one word apart ("gas ... camps", "send ... back") survive a word slipped in between.
            if (beforePrevious is not null)
            {
                result.Add(Hash('s', beforePrevious, word));
            }

            var classes = WordClasses.Of(word);
            AddClassPairs(result, classes, word, previous, previousClasses, 'b');
            AddClassPairs(result, classes, word, beforePrevious, beforePreviousClasses, 's');
            beforePrevious = previous;
            beforePreviousClasses = previousClasses;
            previous = word;
            previousClasses = classes;
            if (word.Length > 30 || !word.AsSpan().ContainsAnyExcept(Digits))
            {
                continue;
            }

            var padded = buffer[..(word.Length + 2)];
            padded[0] = '<';
            word.AsSpan().CopyTo(padded[1..]);
            padded[^1] = '>';
            for (var n = 3; n <= 5; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    result.Add(Hash('c', padded.Slice(i, n)));
                }
            }
        }

        return [.. result];
    }

    /// <summary>
    /// A word's classes stand in for it, alone and in pairs with its neighbour (or its neighbour's
    /// classes): "should … @killing", "@mass-weapon … @place".
    /// </summary>
    private static void AddClassPairs(HashSet<int> result, IReadOnlyList<string> classes, string word, string? other, IReadOnlyList<string> otherClasses, char kind)
    {
        if (kind == 'b')
        {
            foreach (var c in classes)
            {
                result.Add(Hash('w', c));
            }
        }

        if (other is null)
        {
            return;
        }

        foreach (var c in classes)
        {
            result.Add(Hash(kind, other, c));
            foreach (var o in otherClasses)
            {
                result.Add(Hash(kind, o, c));
            }
        }

        foreach (var o in otherClasses)
        {
            result.Add(Hash(kind, o, word));
        }
    }

    /// <summary>FNV-1a over the kind and the text; stable across runs and machines.</summary>
    private static int Hash(char kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second = default)
    {
        var h = 2166136261u;
        h = (h ^ kind) * 16777619u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        if (!second.IsEmpty)
        {
            h = (h ^ ' ') * 16777619u;
            foreach (var c in second)
            {
                h = (h ^ c) * 16777619u;
            }
        }

        return (int)(h & (Size - 1));
    }

    private static int Hash(char kind, string text) => Hash(kind, text.AsSpan());

    private static int Hash(char kind, string a, string b) => Hash(kind, a.AsSpan(), b.AsSpan());
}
