namespace Masthead.Moderation;

/// <summary>Who is held before anyone reads their comment, whatever the engine thinks of the text.</summary>
public enum PreModeration
{
    /// <summary>Everyone waits for a moderator.</summary>
    All,

    /// <summary>Commenters with no approved comment yet wait.</summary>
    FirstTime,

    /// <summary>Only what the engine flags waits.</summary>
    Flagged,

    /// <summary>Nothing is held for being new; the engine may still hold, mark spam or reject.</summary>
    None,
}

/// <summary>Score at which a category holds a comment, and (optionally) rejects or marks it spam outright.</summary>
public sealed record Thresholds(double Hold, double Act = 2.0);

/// <summary>Every switch and threshold of the engine. One instance per publication.</summary>
public sealed class ModerationOptions
{
    public PreModeration PreModeration { get; set; } = PreModeration.FirstTime;

    public bool WordLists { get; set; } = true;
    public bool Incitement { get; set; } = true;
    public bool Intimidation { get; set; } = true;
    public bool Dehumanization { get; set; } = true;
    public bool Links { get; set; } = true;
    public bool Repeats { get; set; } = true;
    public bool History { get; set; } = true;
    public bool Classifier { get; set; } = true;
    public bool SpamFilter { get; set; } = true;

    /// <summary>
    /// Per category: <c>Hold</c> holds for a moderator; <c>Act</c> rejects (or, for spam, files as
    /// spam) without one. Above 1 means never act alone.
    /// </summary>
    public Dictionary<Category, Thresholds> Thresholds { get; set; } = new()
    {
        // Below an even chance: a missed threat, slur or attack costs more than a legitimate comment
        // held a while. Measured on the development sets, 0.40 held noticeably more legitimate comments.
        [Category.Threat] = new(0.45),
        [Category.Hate] = new(0.45),
        [Category.Insult] = new(0.45),
        [Category.Spam] = new(0.7, 0.95),
        [Category.Profanity] = new(0.9),
    };

    /// <summary>More links than this holds a comment.</summary>
    public int MaxLinks { get; set; } = 2;

    /// <summary>A link from a commenter with no approved comment holds the comment.</summary>
    public bool HoldFirstTimeLinks { get; set; } = true;

    /// <summary>After this many approved comments a commenter is trusted: the classifier's doubts no longer hold them.</summary>
    public int TrustedAfter { get; set; } = 5;

    public List<string> BlockedDomains { get; set; } = [];

    /// <summary>Extra list entries on top of the built-in lists, in the list file format ("banned hate word").</summary>
    public List<string> ExtraListEntries { get; set; } = [];

    /// <summary>Near-duplicate texts from this many distinct names, or across this many threads, hold as a campaign.</summary>
    public int CampaignSize { get; set; } = 3;

    /// <summary>More comments than this from one commenter within <see cref="FloodWindowMinutes"/> hold.</summary>
    public int FloodLimit { get; set; } = 5;

    public int FloodWindowMinutes { get; set; } = 10;

    /// <summary>Problems with these options, in words an operator understands; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (category, t) in Thresholds)
        {
            if (t.Hold is < 0 or > 1)
            {
                errors.Add($"Thresholds:{category}:Hold must be between 0 and 1.");
            }

            if (t.Act < t.Hold)
            {
                errors.Add($"Thresholds:{category}:Act must not be below Hold.");
            }
        }

        foreach (var category in Enum.GetValues<Category>())
        {
            if (!Thresholds.ContainsKey(category))
            {
                errors.Add($"Thresholds:{category} is missing.");
            }
        }

        if (MaxLinks < 0)
        {
            errors.Add("MaxLinks must be 0 or more.");
        }

        if (TrustedAfter < 1)
        {
            errors.Add("TrustedAfter must be 1 or more.");
        }

        if (CampaignSize < 2 || FloodLimit < 1 || FloodWindowMinutes < 1)
        {
            errors.Add("CampaignSize must be 2 or more, FloodLimit and FloodWindowMinutes 1 or more.");
        }

        foreach (var entry in ExtraListEntries)
        {
            if (!WordList.TryParseLine(entry, out _, out var error) && error is not null)
            {
                errors.Add($"ExtraListEntries: '{entry}': {error}");
            }
        }

        return errors;
    }
}
