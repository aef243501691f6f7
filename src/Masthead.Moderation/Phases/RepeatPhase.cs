using System.Numerics;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>
/// Copy-paste campaigns and floods: the same or nearly the same text (SimHash over word triples)
/// under different names or across articles, and one commenter posting too fast.
/// </summary>
public sealed class RepeatPhase(RecentComments recent, TimeProvider clock) : IModerationPhase
{
    /// <summary>Texts shorter than this many words are too common ("Great article") to call a campaign.</summary>
    private const int MinWords = 6;

    public string Name => "repeats";

    public void Run(PhaseContext context)
    {
        var input = context.Input;
        var now = clock.GetUtcNow();
        var who = (input.AuthorEmail ?? input.AuthorName ?? input.IpAddress ?? "").Trim().ToLowerInvariant();
        var fingerprint = context.Tokens.Count >= MinWords ? SimHash(context.Tokens) : (ulong?)null;
        if (fingerprint is { } print)
        {
            var copies = recent.NearDuplicates(print);
            var names = copies.Select(c => c.Who).Append(who).Distinct().Count();
            var threads = copies.Select(c => c.Thread).Append(input.ThreadKey ?? "").Distinct().Count();
            if (copies.Count > 0 && (names >= context.Options.CampaignSize || threads >= context.Options.CampaignSize))
            {
                context.Signals.Add(Signal.Of(Name, Category.Spam, 0.8,
                    $"Near-identical text already posted {copies.Count} time(s) under {names - 1} other name(s) or article(s).",
                    new TextSpan(0, input.Text.Length)));
            }
        }

        var window = now.AddMinutes(-context.Options.FloodWindowMinutes);
        var recentByWho = who.Length == 0 ? 0 : recent.CountSince(who, window);
        if (recentByWho >= context.Options.FloodLimit)
        {
            context.Directives.Add(new Directive(Name, ModerationAction.Hold,
                $"{recentByWho + 1} comments from the same commenter within {context.Options.FloodWindowMinutes} minutes."));
        }

        recent.Add(new RecentComments.Entry(fingerprint, who, input.ThreadKey ?? "", now));
    }

    internal static ulong SimHash(IReadOnlyList<Token> tokens)
    {
        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + 2 < tokens.Count || (i == 0 && tokens.Count > 0); i++)
        {
            var shingle = i + 2 < tokens.Count
                ? string.Concat(tokens[i].Value, " ", tokens[i + 1].Value, " ", tokens[i + 2].Value)
                : tokens[i].Value;
            var h = Fnv64(shingle);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
            }

            if (i + 2 >= tokens.Count)
            {
                break;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    private static ulong Fnv64(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}

/// <summary>
/// The last few thousand comments' fingerprints, authors and times, in a ring: the oldest is
/// forgotten first. Every comment asks two questions of it — near-duplicates of its fingerprint,
/// and how many comments its author posted lately — so both are indexed rather than scanned.
/// </summary>
/// <remarks>
/// Near-duplicates are fingerprints within <see cref="MaxDistance"/> differing bits. Cut into
/// <see cref="Blocks"/> blocks, two such fingerprints agree exactly on at least one block (four
/// differences cannot touch five blocks), so only entries sharing a block are compared.
/// </remarks>
public sealed class RecentComments(int capacity = 5000)
{
    public const int MaxDistance = 4;
    private const int Blocks = MaxDistance + 1;
    private const int BlockBits = 13;

    public sealed record Entry(ulong? Fingerprint, string Who, string Thread, DateTimeOffset At);

    private readonly Entry?[] _ring = new Entry?[capacity];
    private readonly Dictionary<int, List<Entry>> _byBlock = [];
    private readonly Dictionary<string, List<Entry>> _byWho = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _next;

    /// <summary>Forgets every comment seen so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _byBlock.Clear();
            _byWho.Clear();
            _next = 0;
        }
    }

    public void Add(Entry entry)
    {
        lock (_gate)
        {
            if (_ring[_next] is { } oldest)
            {
                Forget(oldest);
            }

            _ring[_next] = entry;
            _next = (_next + 1) % _ring.Length;
            if (entry.Fingerprint is { } print)
            {
                for (var b = 0; b < Blocks; b++)
                {
                    var key = BlockKey(print, b);
                    if (!_byBlock.TryGetValue(key, out var bucket))
                    {
                        _byBlock[key] = bucket = [];
                    }

                    bucket.Add(entry);
                }
            }

            if (!_byWho.TryGetValue(entry.Who, out var mine))
            {
                _byWho[entry.Who] = mine = [];
            }

            mine.Add(entry);
        }
    }

    /// <summary>Entries whose fingerprint differs from <paramref name="print"/> in at most <see cref="MaxDistance"/> bits.</summary>
    public List<Entry> NearDuplicates(ulong print)
    {
        var found = new List<Entry>();
        lock (_gate)
        {
            for (var b = 0; b < Blocks; b++)
            {
                if (!_byBlock.TryGetValue(BlockKey(print, b), out var bucket))
                {
                    continue;
                }

                foreach (var entry in bucket)
                {
                    if (BitOperations.PopCount(entry.Fingerprint!.Value ^ print) <= MaxDistance && !found.Contains(entry))
                    {
                        found.Add(entry);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>How many remembered comments <paramref name="who"/> posted at or after <paramref name="since"/>.</summary>
    public int CountSince(string who, DateTimeOffset since)
    {
        lock (_gate)
        {
            if (!_byWho.TryGetValue(who, out var mine))
            {
                return 0;
            }

            // Newest last: count back until the window's start.
            var count = 0;
            for (var i = mine.Count - 1; i >= 0 && mine[i].At >= since; i--)
            {
                count++;
            }

            return count;
        }
    }

    private void Forget(Entry entry)
    {
        if (entry.Fingerprint is { } print)
        {
            for (var b = 0; b < Blocks; b++)
            {
                var key = BlockKey(print, b);
                var bucket = _byBlock[key];
                bucket.Remove(entry);
                if (bucket.Count == 0)
                {
                    _byBlock.Remove(key);
                }
            }
        }

        // The ring forgets the oldest comment of all, which is the oldest of its author's too.
        var mine = _byWho[entry.Who];
        mine.RemoveAt(0);
        if (mine.Count == 0)
        {
            _byWho.Remove(entry.Who);
        }
    }

    /// <summary>Block <paramref name="block"/> of the fingerprint, tagged with its number so equal bits in different blocks do not meet.</summary>
    private static int BlockKey(ulong print, int block) =>
        (block << BlockBits) | (int)((print >> (block * BlockBits)) & ((1UL << BlockBits) - 1));
}
