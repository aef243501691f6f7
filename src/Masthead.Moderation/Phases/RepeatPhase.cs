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
    private const int MaxDistance = 4;

    public string Name => "repeats";

    public void Run(PhaseContext context)
    {
        var input = context.Input;
        var now = clock.GetUtcNow();
        var who = (input.AuthorEmail ?? input.AuthorName ?? input.IpAddress ?? "").Trim().ToLowerInvariant();
        var fingerprint = context.Tokens.Count >= MinWords ? SimHash(context.Tokens) : (ulong?)null;
        var snapshot = recent.Snapshot();

        if (fingerprint is { } print)
        {
            var copies = snapshot.Where(r => r.Fingerprint is { } other && BitOperations.PopCount(other ^ print) <= MaxDistance).ToList();
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
        var recentByWho = who.Length == 0 ? 0 : snapshot.Count(r => r.Who == who && r.At >= window);
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

/// <summary>The last few thousand comments' fingerprints, authors and times; oldest forgotten first.</summary>
public sealed class RecentComments(int capacity = 5000)
{
    public sealed record Entry(ulong? Fingerprint, string Who, string Thread, DateTimeOffset At);

    private readonly Queue<Entry> _entries = new();
    private readonly Lock _gate = new();

    public void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public Entry[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
