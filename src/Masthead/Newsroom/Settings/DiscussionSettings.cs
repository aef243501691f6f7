using System.ComponentModel.DataAnnotations;
using Masthead.Discussion;
using Masthead.Moderation;

namespace Masthead.Newsroom.Settings;

/// <summary>
/// The discussion and moderation settings an admin edits in the newsroom (Settings → Discussion).
/// Stored as JSON; when stored they override the values in the configuration files.
/// </summary>
public sealed class DiscussionSettings
{
    public const string Name = "discussion";

    /// <summary>Whether a new article starts with comments open.</summary>
    public bool CommentsOnByDefault { get; set; } = true;

    public bool RequireNameAndEmail { get; set; } = true;

    public bool NewestFirst { get; set; }

    /// <summary>Conversations per page of the discussion; 0 for one page.</summary>
    [Range(0, 1000)]
    public int ConversationsPerPage { get; set; }

    [Range(0, 36500)]
    public int CloseAfterDays { get; set; }

    [Range(1, 10)]
    public int MaxDepth { get; set; }

    public PreModeration PreModeration { get; set; }

    [Range(0.0, 1.0)]
    public double ThreatHold { get; set; }

    [Range(0.0, 1.0)]
    public double HateHold { get; set; }

    [Range(0.0, 1.0)]
    public double InsultHold { get; set; }

    [Range(0.0, 1.0)]
    public double ProfanityHold { get; set; }

    [Range(0.0, 1.0)]
    public double SpamHold { get; set; }

    /// <summary>Spam score at which a comment is filed as spam without a moderator; above 1 never.</summary>
    [Range(0.0, 2.0)]
    public double SpamAct { get; set; }

    [Range(0, 100)]
    public int MaxLinks { get; set; }

    public bool HoldFirstTimeLinks { get; set; }

    [Range(1, 1000)]
    public int TrustedAfter { get; set; }

    public List<string> BlockedDomains { get; set; } = [];

    /// <summary>Extra word-list lines ("banned hate phrase", "suspect insult word*") by language: en, ru, uk, other.</summary>
    public Dictionary<string, List<string>> WordLists { get; set; } = [];

    public static IReadOnlyList<string> Languages { get; } = ["en", "ru", "uk", "other"];

    /// <summary>The settings as the configuration files have them, before any newsroom change.</summary>
    public static DiscussionSettings From(DiscussionOptions discussion, ModerationOptions moderation) => new()
    {
        CommentsOnByDefault = discussion.CommentsOnByDefault,
        RequireNameAndEmail = discussion.RequireNameAndEmail,
        NewestFirst = discussion.NewestFirst,
        ConversationsPerPage = discussion.ConversationsPerPage,
        CloseAfterDays = discussion.CloseAfterDays,
        MaxDepth = discussion.MaxDepth,
        PreModeration = moderation.PreModeration,
        ThreatHold = moderation.Thresholds[Category.Threat].Hold,
        HateHold = moderation.Thresholds[Category.Hate].Hold,
        InsultHold = moderation.Thresholds[Category.Insult].Hold,
        ProfanityHold = moderation.Thresholds[Category.Profanity].Hold,
        SpamHold = moderation.Thresholds[Category.Spam].Hold,
        SpamAct = moderation.Thresholds[Category.Spam].Act,
        MaxLinks = moderation.MaxLinks,
        HoldFirstTimeLinks = moderation.HoldFirstTimeLinks,
        TrustedAfter = moderation.TrustedAfter,
        BlockedDomains = [.. moderation.BlockedDomains],
        WordLists = new() { ["other"] = [.. moderation.ExtraListEntries] },
    };

    public void ApplyTo(DiscussionOptions options)
    {
        options.CommentsOnByDefault = CommentsOnByDefault;
        options.RequireNameAndEmail = RequireNameAndEmail;
        options.NewestFirst = NewestFirst;
        options.ConversationsPerPage = ConversationsPerPage;
        options.CloseAfterDays = CloseAfterDays;
        options.MaxDepth = MaxDepth;
    }

    public void ApplyTo(ModerationOptions options)
    {
        options.PreModeration = PreModeration;
        options.Thresholds = new Dictionary<Category, Thresholds>(options.Thresholds)
        {
            [Category.Threat] = options.Thresholds[Category.Threat] with { Hold = ThreatHold },
            [Category.Hate] = options.Thresholds[Category.Hate] with { Hold = HateHold },
            [Category.Insult] = options.Thresholds[Category.Insult] with { Hold = InsultHold },
            [Category.Profanity] = options.Thresholds[Category.Profanity] with { Hold = ProfanityHold },
            [Category.Spam] = new Thresholds(SpamHold, SpamAct),
        };
        options.MaxLinks = MaxLinks;
        options.HoldFirstTimeLinks = HoldFirstTimeLinks;
        options.TrustedAfter = TrustedAfter;
        options.BlockedDomains = [.. BlockedDomains];
        options.ExtraListEntries = [.. WordLists.Values.SelectMany(v => v)];
    }

    /// <summary>Every problem, in words an admin understands; empty when the settings can be saved.</summary>
    public IReadOnlyList<string> Validate(ModerationOptions defaults)
    {
        var errors = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => r.ErrorMessage ?? "A value is out of range."));
        }

        if (!Enum.IsDefined(PreModeration))
        {
            errors.Add("Choose a pre-moderation mode.");
        }

        if (SpamAct < SpamHold)
        {
            errors.Add("The spam score that files a comment as spam must not be below the one that holds it.");
        }

        foreach (var domain in BlockedDomains)
        {
            if (Uri.CheckHostName(domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6) || !domain.Contains('.', StringComparison.Ordinal))
            {
                errors.Add($"'{domain}' is not a domain name.");
            }
        }

        if (WordLists.Keys.Any(k => !Languages.Contains(k)))
        {
            errors.Add($"Word lists are kept for {string.Join(", ", Languages)} only.");
        }

        foreach (var line in WordLists.Values.SelectMany(v => v))
        {
            if (!WordList.TryParseLine(line, out _, out var error) && error is not null)
            {
                errors.Add($"Word list line '{line}': {error}");
            }
        }

        if (errors.Count == 0)
        {
            var options = new ModerationOptions { Thresholds = new(defaults.Thresholds) };
            ApplyTo(options);
            errors.AddRange(options.Validate());
        }

        return errors;
    }
}
