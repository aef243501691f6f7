using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>What a word does in a threat (see <c>threats.txt</c>).</summary>
[Flags]
public enum ThreatRole
{
    None = 0,
    Call = 1,
    Order = 2,
    Harm = 4,
    Act = 8,
    Target = 16,
    Object = 32,
    Not = 64,
    Reported = 128,
    Verdict = 256,
    Idiom = 512,
    Personal = 1024,
    Menace = 2048,
    Hedge = 4096,
    Toward = 8192,
    OrderAct = 16384,
    Condition = 32768,
    Weapon = 65536,
    Speaker = 131072,
}

/// <summary>The words and phrases of <c>threats.txt</c>, and the roles they give each word of a comment.</summary>
public sealed class ThreatLexicon
{
    private sealed record Entry(ThreatRole Role, string[] Words, bool LastIsPrefix);

    /// <summary>The roles of one word, and per role how many words its longest phrase starting here spans.</summary>
    public readonly struct RoleHit(string word, ThreatRole roles, int[] lengths)
    {
        public string Word => word;

        public bool Has(ThreatRole role, out int length)
        {
            System.Diagnostics.Debug.Assert(System.Numerics.BitOperations.IsPow2((uint)role), "Ask about one role at a time.");
            length = (roles & role) != 0 ? lengths[System.Numerics.BitOperations.Log2((uint)role)] : 0;
            return length > 0;
        }
    }

    /// <summary>One slot per role: every role is a single bit, so the highest one numbers the slots.</summary>
    private static readonly int RoleCount = System.Numerics.BitOperations.Log2((uint)Enum.GetValues<ThreatRole>().Max()) + 1;

    private static readonly Dictionary<string, ThreatRole> RoleNames = new(StringComparer.Ordinal)
    {
        ["call"] = ThreatRole.Call,
        ["order"] = ThreatRole.Order,
        ["harm"] = ThreatRole.Harm,
        ["verdict"] = ThreatRole.Verdict,
        ["idiom"] = ThreatRole.Idiom,
        ["personal"] = ThreatRole.Personal,
        ["menace"] = ThreatRole.Menace,
        ["hedge"] = ThreatRole.Hedge,
        ["toward"] = ThreatRole.Toward,
        ["order-act"] = ThreatRole.OrderAct,
        ["condition"] = ThreatRole.Condition,
        ["weapon"] = ThreatRole.Weapon,
        ["speaker"] = ThreatRole.Speaker,
        ["act"] = ThreatRole.Act,
        ["target"] = ThreatRole.Target,
        ["object"] = ThreatRole.Object,
        ["not"] = ThreatRole.Not,
        ["reported"] = ThreatRole.Reported,
    };

    private static readonly Dictionary<string, ThreatRole> ClassRoles = new(StringComparer.Ordinal)
    {
        ["@killing"] = ThreatRole.Act,
        ["@mass-weapon"] = ThreatRole.Act | ThreatRole.Weapon,
        ["@destroying"] = ThreatRole.Act,
        ["@place"] = ThreatRole.Target,
        ["@people"] = ThreatRole.Target,
        ["@vermin"] = ThreatRole.Target,
    };

    public static ThreatLexicon Default { get; } = new(ModerationEngine.ResourceLines("Threats."));

    /// <summary>Entries by their first word; an entry of one word ending in * is kept by its first three letters.</summary>
    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _prefixes = new(StringComparer.Ordinal);

    public ThreatLexicon(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0 || !RoleNames.TryGetValue(line[..colon].Trim(), out var role))
            {
                continue;
            }

            foreach (var item in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var prefix = item.EndsWith('*');
                var words = TextNormalizer.Tokenize(item.TrimEnd('*')).Select(t => t.Value).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                var entry = new Entry(role, words, prefix);
                var (table, key) = prefix && words.Length == 1 ? (_prefixes, words[0][..Math.Min(3, words[0].Length)]) : (_byFirstWord, words[0]);
                if (!table.TryGetValue(key, out var list))
                {
                    table[key] = list = [];
                }

                list.Add(entry);
            }
        }

        if (_byFirstWord.Count == 0)
        {
            throw new InvalidOperationException("The incitement lexicon (threats.txt) is empty or not embedded.");
        }
    }

    /// <summary>Each token's roles, from the lexicon's phrases starting at it and from its word classes.</summary>
    public RoleHit[] Roles(IReadOnlyList<Token> tokens)
    {
        var result = new RoleHit[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Value;
            var roles = ThreatRole.None;
            int[]? lengths = null;
            void Add(ThreatRole role, int length)
            {
                roles |= role;
                lengths ??= new int[RoleCount];
                for (var bits = (uint)role; bits != 0; bits &= bits - 1)
                {
                    var slot = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    lengths[slot] = Math.Max(lengths[slot], length);
                }
            }

            if (_byFirstWord.TryGetValue(word, out var entries))
            {
                foreach (var entry in entries)
                {
                    if (Matches(entry, tokens, i))
                    {
                        Add(entry.Role, entry.Words.Length);
                    }
                }
            }

            if (word.Length >= 3 && _prefixes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.AsSpan(0, 3), out var prefixed))
            {
                foreach (var entry in prefixed)
                {
                    if (word.StartsWith(entry.Words[0], StringComparison.Ordinal))
                    {
                        Add(entry.Role, 1);
                    }
                }
            }

            foreach (var name in WordClasses.Of(word))
            {
                if (ClassRoles.TryGetValue(name, out var role))
                {
                    Add(role, 1);
                }
            }

            result[i] = new RoleHit(word, roles, lengths ?? []);
        }

        // An idiom's words play no other part: "hang in there" is no hanging.
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Has(ThreatRole.Idiom, out var length))
            {
                for (var k = i; k < Math.Min(result.Length, i + length); k++)
                {
                    result[k] = new RoleHit(result[k].Word, ThreatRole.None, []);
                }
            }
        }

        return result;
    }

    private static bool Matches(Entry entry, IReadOnlyList<Token> tokens, int at)
    {
        if (at + entry.Words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < entry.Words.Length; k++)
        {
            var word = tokens[at + k].Value;
            var last = k == entry.Words.Length - 1;
            if (!(last && entry.LastIsPrefix ? word.StartsWith(entry.Words[k], StringComparison.Ordinal) : word == entry.Words[k]))
            {
                return false;
            }
        }

        return true;
    }
}
