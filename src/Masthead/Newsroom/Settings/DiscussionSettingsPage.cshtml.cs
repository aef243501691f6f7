using System.Globalization;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Newsroom.Settings;

/// <summary>What the settings form may carry: plain fields, lists one entry a line.</summary>
public sealed class DiscussionSettingsForm
{
    public bool CommentsOnByDefault { get; set; }
    public bool RequireNameAndEmail { get; set; }
    public bool NewestFirst { get; set; }
    public string ConversationsPerPage { get; set; } = "";
    public string CloseAfterDays { get; set; } = "";
    public string MaxDepth { get; set; } = "";
    public string PreModeration { get; set; } = "";
    public string ThreatHold { get; set; } = "";
    public string HateHold { get; set; } = "";
    public string InsultHold { get; set; } = "";
    public string ProfanityHold { get; set; } = "";
    public string SpamHold { get; set; } = "";
    public string SpamAct { get; set; } = "";
    public string MaxLinks { get; set; } = "";
    public bool HoldFirstTimeLinks { get; set; }
    public string TrustedAfter { get; set; } = "";
    public string? BlockedDomains { get; set; } = "";
    public Dictionary<string, string?> WordLists { get; set; } = [];
    public int Version { get; set; }

    public static DiscussionSettingsForm From(DiscussionSettings s, int version) => new()
    {
        CommentsOnByDefault = s.CommentsOnByDefault,
        RequireNameAndEmail = s.RequireNameAndEmail,
        NewestFirst = s.NewestFirst,
        ConversationsPerPage = Text(s.ConversationsPerPage),
        CloseAfterDays = Text(s.CloseAfterDays),
        MaxDepth = Text(s.MaxDepth),
        PreModeration = s.PreModeration.ToString(),
        ThreatHold = Text(s.ThreatHold),
        HateHold = Text(s.HateHold),
        InsultHold = Text(s.InsultHold),
        ProfanityHold = Text(s.ProfanityHold),
        SpamHold = Text(s.SpamHold),
        SpamAct = Text(s.SpamAct),
        MaxLinks = Text(s.MaxLinks),
        HoldFirstTimeLinks = s.HoldFirstTimeLinks,
        TrustedAfter = Text(s.TrustedAfter),
        BlockedDomains = string.Join('\n', s.BlockedDomains),
        WordLists = DiscussionSettings.Languages.ToDictionary(l => l, l => (string?)string.Join('\n', s.WordLists.GetValueOrDefault(l) ?? [])),
        Version = version,
    };

    /// <summary>The settings the form describes, or every field that could not be read.</summary>
    public (DiscussionSettings? Settings, IReadOnlyList<string> Errors) Read()
    {
        var errors = new List<string>();
        int Int(string value, string label) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Fail<int>(label);
        double Number(string value, string label) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : Fail<double>(label);
        T Fail<T>(string label)
        {
            errors.Add($"{label} must be a number.");
            return default!;
        }

        var settings = new DiscussionSettings
        {
            CommentsOnByDefault = CommentsOnByDefault,
            RequireNameAndEmail = RequireNameAndEmail,
            NewestFirst = NewestFirst,
            ConversationsPerPage = Int(ConversationsPerPage, "Conversations per page"),
            CloseAfterDays = Int(CloseAfterDays, "Close comments after"),
            MaxDepth = Int(MaxDepth, "Nesting depth"),
            PreModeration = Enum.TryParse<PreModeration>(PreModeration, out var mode) && Enum.IsDefined(mode) ? mode : Fail<PreModeration>("Pre-moderation"),
            ThreatHold = Number(ThreatHold, "Threat threshold"),
            HateHold = Number(HateHold, "Hate threshold"),
            InsultHold = Number(InsultHold, "Insult threshold"),
            ProfanityHold = Number(ProfanityHold, "Profanity threshold"),
            SpamHold = Number(SpamHold, "Spam hold threshold"),
            SpamAct = Number(SpamAct, "Spam filing threshold"),
            MaxLinks = Int(MaxLinks, "Link limit"),
            HoldFirstTimeLinks = HoldFirstTimeLinks,
            TrustedAfter = Int(TrustedAfter, "Trusted after"),
            BlockedDomains = Lines(BlockedDomains).Select(d => d.ToLowerInvariant()).Distinct().ToList(),
            WordLists = WordLists.Where(w => DiscussionSettings.Languages.Contains(w.Key))
                .ToDictionary(w => w.Key, w => Lines(w.Value).ToList()),
        };
        return (errors.Count == 0 ? settings : null, errors);
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Settings → Discussion: admins change the discussion and the engine's settings, which apply at once and are audit-logged.</summary>
public sealed class DiscussionSettingsPageModel(SettingsEditor editor) : PageModel
{
    public const int MaxListCharacters = 100_000;

    [BindProperty]
    public DiscussionSettingsForm Form { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Saved { get; private set; }
    public IReadOnlyList<SettingsChange> History { get; private set; } = [];

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var (settings, version) = await editor.LoadAsync(cancellationToken);
        Form = DiscussionSettingsForm.From(settings, version);
        History = await editor.HistoryAsync(20, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        History = await editor.HistoryAsync(20, cancellationToken);
        // Empty fields arrive as null.
        if ((Form.BlockedDomains?.Length ?? 0) + Form.WordLists.Values.Sum(v => v?.Length ?? 0) > MaxListCharacters)
        {
            return Refused(StatusCodes.Status400BadRequest, [$"The lists together may hold at most {MaxListCharacters:N0} characters."]);
        }

        var (settings, errors) = Form.Read();
        if (settings is null)
        {
            return Refused(StatusCodes.Status400BadRequest, errors);
        }

        var result = await editor.SaveAsync(settings, Form.Version, User.Identity?.Name ?? "unknown", cancellationToken);
        if (!result.Saved)
        {
            return Refused(result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, result.Errors);
        }

        return this.SeeOther("/newsroom/settings/discussion?saved=true");
    }

    private PageResult Refused(int status, IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The settings that differ between two saved versions, for the audit log.</summary>
    public static IEnumerable<string> Changes(SettingsChange change)
    {
        var before = SettingsStore.Deserialize(change.Before);
        var after = SettingsStore.Deserialize(change.After);
        if (before is null || after is null)
        {
            yield break;
        }

        foreach (var property in typeof(DiscussionSettings).GetProperties())
        {
            var a = System.Text.Json.JsonSerializer.Serialize(property.GetValue(before));
            var b = System.Text.Json.JsonSerializer.Serialize(property.GetValue(after));
            if (a != b)
            {
                yield return $"{property.Name}: {a} → {b}";
            }
        }
    }
}
