using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation.Queue;

/// <summary>A decision on one or more comments, as the queue's forms send it.</summary>
public sealed class DecisionForm
{
    public long[] Ids { get; set; } = [];
    public string Decision { get; set; } = "";
}

/// <summary>A ban, as the queue's ban form sends it.</summary>
public sealed class BanForm
{
    public long Id { get; set; }
    public string[] Kinds { get; set; } = [];

    /// <summary>Days the ban lasts; 0 for good.</summary>
    public int Days { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// The moderation queue: held comments with the engine's reasons and highlighted spans, the scores
/// and the commenter's history; approve, reject, spam, restore and ban, one at a time or in bulk.
/// </summary>
public sealed class QueuePageModel(ModerationQueue queue, ModerationDecisions decisions, LinkbackModeration linkbacks) : PageModel
{
    public const int MaxBulk = 200;
    private static readonly int[] BanDays = [0, 1, 7, 30, 365];

    public QueueFilter Filter { get; private set; } = new(QueueTab.Pending, false, null, null, 1);
    public QueuePage Result { get; private set; } = new([], 0, new Dictionary<QueueTab, int>());
    public string? Notice { get; private set; }

    /// <summary>Received linkbacks awaiting a decision, shown on their own tab.</summary>
    public int PendingLinkbacks { get; private set; }

    public static IReadOnlyList<string> Categories { get; } = ["spam", "insult", "hate", "threat", "profanity"];

    public async Task<IActionResult> OnGetAsync(string? tab, string? order, string? article, string? category, [FromQuery(Name = "page")] int page = 1, string? done = null, CancellationToken cancellationToken = default)
    {
        if (!TryReadFilter(tab, order, article, category, page, out var filter))
        {
            return BadRequest("Unknown tab, order, category or page.");
        }

        Filter = filter;
        Notice = done;
        Result = await queue.LoadAsync(filter, cancellationToken);
        PendingLinkbacks = await linkbacks.PendingCountAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync([FromForm] DecisionForm form, CancellationToken cancellationToken)
    {
        if (ToStatus(form.Decision) is not { } to || form.Ids.Length is 0 or > MaxBulk)
        {
            return Answer(StatusCodes.Status400BadRequest, "Choose comments and one of: approve, reject, spam, restore.");
        }

        var moderator = User.Identity?.Name ?? "unknown";
        var done = 0;
        foreach (var id in form.Ids.Distinct())
        {
            if (await decisions.DecideAsync(id, to, moderator, cancellationToken: cancellationToken) == DecisionOutcome.Done)
            {
                done++;
            }
        }

        return Answer(StatusCodes.Status200OK, $"{Verb(to)} {done} comment{(done == 1 ? "" : "s")}.");
    }

    public async Task<IActionResult> OnPostBanAsync([FromForm] BanForm form, CancellationToken cancellationToken)
    {
        var kinds = form.Kinds.Select(k => Enum.TryParse<BanKind>(k, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : (BanKind?)null).ToList();
        if (kinds.Count == 0 || kinds.Any(k => k is null) || !BanDays.Contains(form.Days) || form.Reason is { Length: > 500 })
        {
            return Answer(StatusCodes.Status400BadRequest, "Choose what to ban (email, address, name), for 1, 7, 30 or 365 days or for good, with a reason under 500 characters.");
        }

        var added = await decisions.BanAsync(form.Id, kinds.OfType<BanKind>().ToList(), form.Days == 0 ? null : TimeSpan.FromDays(form.Days),
            User.Identity?.Name ?? "unknown", string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim(), cancellationToken);
        return added == 0
            ? Answer(StatusCodes.Status404NotFound, "That comment does not exist, or has nothing of that kind to ban.")
            : Answer(StatusCodes.Status200OK, $"Banned the commenter ({added} rule{(added == 1 ? "" : "s")}).");
    }

    /// <summary>Pins an approved comment's conversation to the top of its discussion, or unpins it. Editors and admins only.</summary>
    public async Task<IActionResult> OnPostFeatureAsync(long id, bool featured, [FromServices] Masthead.Data.MastheadDbContext db, [FromServices] IPageCache pageCache, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.Editor) && !User.IsInRole(StaffRoles.Admin))
        {
            return Answer(StatusCodes.Status403Forbidden, "Only editors feature comments.");
        }

        var changed = await db.Comments.Where(c => c.Id == id && c.Status == CommentStatus.Approved)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Featured, featured), cancellationToken);
        if (changed == 0)
        {
            return Answer(StatusCodes.Status404NotFound, "Only an approved comment can be featured.");
        }

        pageCache.Invalidate();
        return Answer(StatusCodes.Status200OK, featured ? "Featured the comment." : "The comment is no longer featured.");
    }

    /// <summary>Scripts asking for JSON get the outcome as JSON; a plain form post is sent back to the queue it came from.</summary>
    private IActionResult Answer(int status, string message)
    {
        if (Request.WantsJson())
        {
            return new JsonResult(new { ok = status == StatusCodes.Status200OK, message }) { StatusCode = status };
        }

        if (status != StatusCodes.Status200OK)
        {
            return StatusCode(status, message);
        }

        var back = Request.Query.Where(q => q.Key is "tab" or "order" or "article" or "category" or "page")
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        back["done"] = message;
        return this.SeeOther(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/newsroom/moderation", back));
    }

    public static CommentStatus? ToStatus(string? decision) => decision?.ToLowerInvariant() switch
    {
        "approve" => CommentStatus.Approved,
        "reject" => CommentStatus.Rejected,
        "spam" => CommentStatus.Spam,
        "restore" => CommentStatus.Pending,
        _ => null,
    };

    private static string Verb(CommentStatus to) => to switch
    {
        CommentStatus.Approved => "Approved",
        CommentStatus.Rejected => "Rejected",
        CommentStatus.Spam => "Marked as spam",
        _ => "Returned to the queue",
    };

    private static bool TryReadFilter(string? tab, string? order, string? article, string? category, int page, out QueueFilter filter)
    {
        filter = null!;
        var parsedTab = QueueTab.Pending;
        if ((tab is not null && (!Enum.TryParse(tab, ignoreCase: true, out parsedTab) || !Enum.IsDefined(parsedTab))) ||
            order is not (null or "" or "newest" or "oldest") ||
            (category is { Length: > 0 } && !Categories.Contains(category)) ||
            article is { Length: > 200 } || page is < 1 or > 100_000)
        {
            return false;
        }

        filter = new QueueFilter(parsedTab, order == "oldest", string.IsNullOrWhiteSpace(article) ? null : article.Trim(),
            string.IsNullOrEmpty(category) ? null : category, page);
        return true;
    }

    /// <summary>The queue's address with one setting changed, the others kept.</summary>
    public string UrlWith(QueueTab? tab = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["tab"] = (tab ?? Filter.Tab).ToString().ToLowerInvariant(),
            ["order"] = Filter.OldestFirst ? "oldest" : null,
            ["article"] = Filter.ArticleSlug,
            ["category"] = Filter.Category,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/newsroom/moderation", query.Where(q => q.Value is not null));
    }
}
