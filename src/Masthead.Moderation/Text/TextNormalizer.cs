using System.Globalization;
using System.Text;

namespace Masthead.Moderation.Text;

/// <summary>
/// Turns what a reader typed into the words every phase reads, undoing the usual disguises:
/// compatibility forms (NFKC: full-width and mathematical letters, ligatures), zero-width and
/// direction-control characters, accents on Latin letters, look-alike letters from another script
/// inside a word ("kіll" with a Cyrillic і), leet digits and symbols ("k1ll", "a$$"), letters
/// spread out with separators ("k i l l", "n.u.k.e") and stretched letters ("niiiice").
/// Every token keeps the span of the original text it came from.
/// </summary>
/// <remarks>Written here rather than taken from a library: it is the core of the moderation engine
/// and no maintained .NET package folds these disguises while keeping offsets.</remarks>
public static class TextNormalizer
{
    /// <summary>Characters read at most; beyond this a comment is judged by its beginning.</summary>
    public const int MaxAnalysedLength = 50_000;

    private const string Separators = " \t\r\n.-_*·,/\\'\"~+=";

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b',
        ['@'] = 'a', ['$'] = 's', ['!'] = 'i', ['|'] = 'l',
    };

    // Letters that look alike across Latin and Cyrillic (lower case, after NFKC).
    private static readonly Dictionary<char, char> CyrillicToLatin = new()
    {
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x',
        ['к'] = 'k', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['м'] = 'm', ['т'] = 't', ['в'] = 'b', ['н'] = 'h',
        ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ү'] = 'y', ['һ'] = 'h', ['ӏ'] = 'l',
    };

    private static readonly Dictionary<char, char> LatinToCyrillic = new()
    {
        ['a'] = 'а', ['e'] = 'е', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['y'] = 'у', ['x'] = 'х',
        ['k'] = 'к', ['i'] = 'і', ['m'] = 'м', ['t'] = 'т', ['b'] = 'в', ['h'] = 'н', ['u'] = 'и', ['n'] = 'п',
    };

    private static readonly Dictionary<char, char> GreekToLatin = new()
    {
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['η'] = 'n', ['μ'] = 'u', ['ω'] = 'w',
    };

    public static IReadOnlyList<Token> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        using var chars = Clean(text.Length > MaxAnalysedLength ? text[..MaxAnalysedLength] : text);
        var raw = Split(chars, text);
        return JoinSpacedLetters(raw, text);
    }

    /// <summary>Cuts every run of a repeated character to one.</summary>
    public static string Squeeze(string value)
    {
        if (!HasRun(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool HasRun(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == value[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Mapped(char Char, int Start, int End);

    /// <summary>
    /// A growable run of mapped characters on an array kept per thread and reused: long texts must
    /// not allocate a large object each. (The shared array pool was tried: its trimming of large
    /// arrays under memory pressure contended with tokenizing on a two-core machine.)
    /// </summary>
    private sealed class MappedBuffer : IDisposable
    {
        [ThreadStatic]
        private static Mapped[]? t_spare;

        private Mapped[] _items;

        public MappedBuffer(int capacity)
        {
            var spare = t_spare;
            t_spare = null; // taken: a nested use on this thread gets an array of its own
            _items = spare is not null && spare.Length >= capacity ? spare : new Mapped[Math.Max(16, capacity)];
        }

        public int Count { get; private set; }

        public Mapped this[int index] => _items[index];

        public void Add(Mapped item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }

        public void Dispose()
        {
            if (_items.Length <= MaxAnalysedLength * 2 && (t_spare is null || t_spare.Length < _items.Length))
            {
                t_spare = _items;
            }
        }
    }

    /// <summary>NFKC, lower case, no invisible characters, no accents on Latin letters; each char keeps its source range.</summary>
    private static MappedBuffer Clean(string text)
    {
        var result = new MappedBuffer(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                result.Add(new Mapped(char.ToLowerInvariant(c), i, i + 1));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                foreach (var n in NormalizePiece(text.Substring(i, 2)))
                {
                    result.Add(new Mapped(n, i, i + 2));
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // A broken surrogate separates words; it is never an error.
                result.Add(new Mapped(' ', i, i + 1));
            }
            else if (!IsInvisible(c))
            {
                foreach (var n in NormalizedChar(c))
                {
                    result.Add(new Mapped(n, i, i + 1));
                }
            }
        }

        return result;
    }

    // What one character of the Basic Multilingual Plane becomes, filled in as characters are met:
    // the Unicode normaliser costs microseconds a call, and a text repeats its few non-ASCII letters.
    private static readonly string?[] NormalizedBmp = new string?[char.MaxValue + 1];

    private static string NormalizedChar(char c)
    {
        var cached = Volatile.Read(ref NormalizedBmp[c]);
        if (cached is null)
        {
            cached = NormalizePiece(c.ToString());
            Volatile.Write(ref NormalizedBmp[c], cached);
        }

        return cached;
    }

    /// <summary>NFKC, then lower case without combining marks, format characters or Latin accents.</summary>
    private static string NormalizePiece(string piece)
    {
        var builder = new StringBuilder(piece.Length + 1);
        foreach (var n in SafeNormalize(piece))
        {
            var category = char.GetUnicodeCategory(n);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format))
            {
                builder.Append(StripLatinAccent(char.ToLowerInvariant(n)));
            }
        }

        return builder.ToString();
    }

    private static string SafeNormalize(string piece)
    {
        try
        {
            return piece.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return " ";
        }
    }

    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or '\u180E' or '\uFEFF' ||
        c is >= '\u200B' and <= '\u200F' ||
        c is >= '\u202A' and <= '\u202E' ||
        c is >= '\u2060' and <= '\u206F' ||
        c is >= '\uFE00' and <= '\uFE0F';

    private static char StripLatinAccent(char c)
    {
        if (c < 0xC0 || c > 0x24F)
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && decomposed[0] < 0x80 ? decomposed[0] : c;
    }

    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) || IsLeetSymbol(c) : char.IsLetterOrDigit(c);

    private static bool IsLeetSymbol(char c) => c is '@' or '$' or '!' or '|';

    [ThreadStatic]
    private static List<Token>? t_words;

    private static List<Token> Split(MappedBuffer chars, string original)
    {
        // Words are gathered in a list kept per thread, then copied out at their exact count: a
        // long text neither grows a list step by step nor allocates one sized for the worst case.
        var tokens = t_words ??= new List<Token>(1024);
        tokens.Clear();
        Span<char> scratch = stackalloc char[64];
        var i = 0;
        while (i < chars.Count)
        {
            if (!IsWordChar(chars[i].Char))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < chars.Count && IsWordChar(chars[i].Char))
            {
                i++;
            }

            var end = i;

            // Symbols only count as letters inside a word: "sh!t", not "wow!".
            while (start < end && IsLeetSymbol(chars[start].Char))
            {
                start++;
            }

            while (end > start && IsLeetSymbol(chars[end - 1].Char))
            {
                end--;
            }

            if (start == end)
            {
                continue;
            }

            var length = end - start;
            var buffer = length <= scratch.Length ? scratch[..length] : new char[length];
            for (var k = 0; k < length; k++)
            {
                buffer[k] = chars[start + k].Char;
            }

            var folded = IsPlain(buffer) ? WordCache.Get(buffer) : Fold(new string(buffer));
            var from = chars[start].Start;
            tokens.Add(new Token(folded, from, Math.Min(original.Length, chars[end - 1].End) - from));
        }

        return tokens;
    }

    /// <summary>Look-alike letters to the word's main script, leet to letters, stretched letters cut down.</summary>
    internal static string Fold(string word)
    {
        // Plain words, numbers, and long runs (encoded data, hashes) have nothing to fold.
        if (word.Length > 40 || IsPlain(word.AsSpan()) || !word.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return word;
        }

        int latin = 0, cyrillic = 0, greek = 0, letters = 0, others = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                others++;
                continue;
            }

            letters++;
            if (c is >= 'a' and <= 'z')
            {
                latin += LatinToCyrillic.ContainsKey(c) ? 1 : 3;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic += CyrillicToLatin.ContainsKey(c) ? 1 : 3;
            }
            else if (c is >= '\u0370' and <= '\u03FF')
            {
                greek += GreekToLatin.ContainsKey(c) ? 1 : 3;
            }
        }

        var chars = word.ToCharArray();
        var mixed = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0) > 1;
        if (mixed)
        {
            var toCyrillic = cyrillic > latin + greek;
            for (var k = 0; k < chars.Length; k++)
            {
                if (toCyrillic)
                {
                    chars[k] = LatinToCyrillic.GetValueOrDefault(chars[k], GreekToLatin.TryGetValue(chars[k], out var g) && LatinToCyrillic.TryGetValue(g, out var gc) ? gc : chars[k]);
                }
                else
                {
                    chars[k] = CyrillicToLatin.GetValueOrDefault(chars[k], GreekToLatin.GetValueOrDefault(chars[k], chars[k]));
                }
            }
        }

        if (letters > 0 && others > 0)
        {
            var cyrillicWord = cyrillic > latin;
            for (var k = 0; k < chars.Length; k++)
            {
                if (Leet.TryGetValue(chars[k], out var letter))
                {
                    chars[k] = cyrillicWord && LatinToCyrillic.TryGetValue(letter, out var cl) ? cl : letter;
                }
            }
        }

        // Three or more of the same letter are one: "niiiice" is "nice", "kill" keeps its "ll".
        var builder = new StringBuilder(chars.Length);
        for (var k = 0; k < chars.Length; k++)
        {
            var run = 1;
            while (k + run < chars.Length && chars[k + run] == chars[k])
            {
                run++;
            }

            builder.Append(chars[k], run >= 3 ? 1 : run);
            k += run - 1;
        }

        return builder.ToString();
    }

    /// <summary>Lower-case letters of one script, no digits or symbols, no letter three times in a row: nothing to fold.</summary>
    private static bool IsPlain(ReadOnlySpan<char> word)
    {
        var script = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            var s = c is >= 'a' and <= 'z' ? 1 : c is >= '\u0430' and <= '\u045F' ? 2 : 0;
            if (s == 0 || (script != 0 && s != script) || (k >= 2 && word[k - 1] == c && word[k - 2] == c))
            {
                return false;
            }

            script = s;
        }

        return true;
    }

    /// <summary>"k i l l" and "n.u.k.e" become one token when three or more single letters are spaced out.</summary>
    private static IReadOnlyList<Token> JoinSpacedLetters(List<Token> tokens, string original)
    {
        if (!HasThreeSingleLettersInARow(tokens))
        {
            return tokens.ToArray();
        }

        var result = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j + 1 < tokens.Count && tokens[j].Value.Length == 1 && tokens[j + 1].Value.Length == 1 &&
                   IsSeparatorGap(original, tokens[j].Start + tokens[j].Length, tokens[j + 1].Start))
            {
                j++;
            }

            if (j - i >= 2 && tokens[i].Value.Length == 1)
            {
                // "t h e   h o s t a g e": wider gaps than the narrowest one separate words.
                var narrowest = int.MaxValue;
                for (var k = i; k < j; k++)
                {
                    narrowest = Math.Min(narrowest, tokens[k + 1].Start - (tokens[k].Start + tokens[k].Length));
                }

                var wordStart = i;
                for (var k = i; k <= j; k++)
                {
                    var endsWord = k == j || tokens[k + 1].Start - (tokens[k].Start + tokens[k].Length) > narrowest;
                    if (endsWord)
                    {
                        result.Add(Merge(tokens, wordStart, k));
                        wordStart = k + 1;
                    }
                }

                i = j + 1;
            }
            else
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }

    private static bool HasThreeSingleLettersInARow(List<Token> tokens)
    {
        var run = 0;
        foreach (var t in tokens)
        {
            run = t.Value.Length == 1 ? run + 1 : 0;
            if (run == 3)
            {
                return true;
            }
        }

        return false;
    }

    private static Token Merge(List<Token> tokens, int from, int to)
    {
        if (from == to)
        {
            return tokens[from];
        }

        var value = new StringBuilder(to - from + 1);
        for (var k = from; k <= to; k++)
        {
            value.Append(tokens[k].Value);
        }

        return new Token(Fold(value.ToString()), tokens[from].Start, tokens[to].Start + tokens[to].Length - tokens[from].Start);
    }

    private static bool IsSeparatorGap(string text, int from, int to)
    {
        if (to - from is < 1 or > 3)
        {
            return false;
        }

        for (var k = from; k < to && k < text.Length; k++)
        {
            if (!Separators.Contains(text[k], StringComparison.Ordinal) && !char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
