using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Moderation.Queue;

/// <summary>A decision on one linkback, as the page's forms send it.</summary>
public sealed class LinkbackDecisionForm
{
    public long Id { get; set; }
    public string Decision { get; set; } = "";
}

/// <summary>The queue's linkbacks tab: received pingbacks and webmentions by status, with approve, reject and spam.</summary>
public sealed class LinkbacksPageModel(LinkbackModeration linkbacks) : PageModel
{
    public const string Path = "/newsroom/moderation/linkbacks";

    public static IReadOnlyList<LinkbackStatus> Tabs { get; } = [LinkbackStatus.Pending, LinkbackStatus.Approved, LinkbackStatus.Spam, LinkbackStatus.Rejected];

    public LinkbackStatus Tab { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public LinkbackPage Result { get; private set; } = new([], 0, new Dictionary<LinkbackStatus, int>());
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tab, [FromQuery(Name = "page")] int page = 1, string? done = null, CancellationToken cancellationToken = default)
    {
        if (ReadTab(tab) is not { } status || page is < 1 or > 100_000)
        {
            return BadRequest("Unknown tab or page.");
        }

        (Tab, PageNumber, Notice) = (status, page, done);
        Result = await linkbacks.LoadAsync(status, page, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] LinkbackDecisionForm form, string? tab, CancellationToken cancellationToken)
    {
        LinkbackStatus? to = form.Decision switch
        {
            "approve" => LinkbackStatus.Approved,
            "reject" => LinkbackStatus.Rejected,
            "spam" => LinkbackStatus.Spam,
            "restore" => LinkbackStatus.Pending,
            _ => null,
        };
        if (to is null)
        {
            return BadRequest("Choose one of: approve, reject, spam, restore.");
        }

        if (!await linkbacks.DecideAsync(form.Id, to.Value, cancellationToken))
        {
            return NotFound("That linkback does not exist.");
        }

        return this.SeeOther(UrlFor(ReadTab(tab) ?? LinkbackStatus.Pending, done: $"Linkback marked {to.Value.ToString().ToLowerInvariant()}."));
    }

    private static LinkbackStatus? ReadTab(string? tab) =>
        tab is null or "" ? LinkbackStatus.Pending
        : Enum.TryParse<LinkbackStatus>(tab, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
        : null;

    public static string UrlFor(LinkbackStatus tab, int page = 1, string? done = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
        {
            ["tab"] = tab.ToString().ToLowerInvariant(),
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["done"] = done,
        }.Where(q => q.Value is not null));
}
