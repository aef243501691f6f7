using System.Text.Json;

namespace Masthead.Moderation.Queue;

/// <summary>One part of a comment's text, and whether the engine pointed at it.</summary>
public sealed record TextPiece(string Text, bool Offending);

/// <summary>One finding of one phase of the engine.</summary>
public sealed record SignalView(string Phase, string Category, double Score, string Reason);

/// <summary>
/// Why the engine decided what it did about a comment, read back from the JSON stored with it:
/// the action, a score per category, the reasons in words, and the offending spans of the text.
/// </summary>
public sealed record CommentExplanation(
    string Action,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<(int Start, int Length)> Spans,
    IReadOnlyList<SignalView> Signals)
{
    public static CommentExplanation None { get; } = new("unknown", new Dictionary<string, double>(), [], [], []);

    private sealed record Stored(string? Action, Dictionary<string, double>? Scores, List<string>? Reasons, List<StoredSpan>? Spans, List<StoredSignal>? Signals);

    private sealed record StoredSpan(int Start, int Length);

    private sealed record StoredSignal(string? Phase, string? Category, double Score, string? Reason);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the stored JSON; a comment stored before the engine kept details, or unreadable details, explain nothing rather than fail the page.</summary>
    public static CommentExplanation Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(json, Json);
            if (stored is null)
            {
                return None;
            }

            return new CommentExplanation(
                stored.Action ?? "unknown",
                stored.Scores ?? [],
                stored.Reasons ?? [],
                (stored.Spans ?? []).Select(s => (s.Start, s.Length)).ToList(),
                (stored.Signals ?? []).Select(s => new SignalView(s.Phase ?? "", s.Category ?? "", s.Score, s.Reason ?? "")).ToList());
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>The text cut into plain and offending pieces; overlapping or out-of-range spans are merged and clipped.</summary>
    public IReadOnlyList<TextPiece> Highlight(string text)
    {
        var pieces = new List<TextPiece>();
        var at = 0;
        foreach (var (start, length) in Spans.Where(s => s.Length > 0).OrderBy(s => s.Start))
        {
            var from = Math.Clamp(start, at, text.Length);
            var to = Math.Clamp(start + length, from, text.Length);
            if (to <= at)
            {
                continue;
            }

            if (from > at)
            {
                pieces.Add(new TextPiece(text[at..from], false));
            }

            pieces.Add(new TextPiece(text[from..to], true));
            at = to;
        }

        if (at < text.Length)
        {
            pieces.Add(new TextPiece(text[at..], false));
        }

        return pieces;
    }
}
