using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Discussion.Reports;

/// <summary>What the report form sends; nothing else can be set by it.</summary>
public sealed class ReportForm
{
    public string? Reason { get; set; }
    public string? Text { get; set; }
}

/// <summary>Reporting one comment: a small page of its own, so it works without JavaScript.</summary>
public sealed class ReportPageModel(CommentReporter reporter, ReaderLimits limits, SiteContext site) : PageModel
{
    public static IReadOnlyList<(ReportReason Reason, string Label)> Reasons { get; } =
    [
        (ReportReason.Spam, "Spam or advertising"),
        (ReportReason.Abuse, "Abuse or harassment of a person"),
        (ReportReason.Hate, "Hate against a group (nationality, ethnicity, religion…)"),
        (ReportReason.Threat, "Threat or call for violence"),
        (ReportReason.Other, "Something else (say what)"),
    ];

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public Comment Comment { get; private set; } = null!;
    public PublicationView Site => site.Publication;
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await reporter.FindAsync(slug, id, cancellationToken) is not { } comment)
        {
            return NotFound();
        }

        Comment = comment;
        ReaderKey.Ensure(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await reporter.FindAsync(slug, id, cancellationToken) is not { } comment)
        {
            return NotFound();
        }

        Comment = comment;
        var reason = Enum.TryParse<ReportReason>(Form.Reason, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Form.Reason, out _)
            ? parsed
            : (ReportReason?)null;
        if (reason is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Choose why you are reporting this comment.");
        }

        if (Form.Text is { Length: > CommentReporter.MaxTextLength })
        {
            return Problem(StatusCodes.Status400BadRequest, $"Keep the explanation under {CommentReporter.MaxTextLength} characters.");
        }

        if (reason == ReportReason.Other && string.IsNullOrWhiteSpace(Form.Text))
        {
            return Problem(StatusCodes.Status400BadRequest, "Say in a few words what is wrong with the comment.");
        }

        if (!limits.TryReport(HttpContext))
        {
            return Problem(StatusCodes.Status429TooManyRequests, "You have sent many reports in the last hour; please try again later.");
        }

        var outcome = await reporter.ReportAsync(comment, reason.Value, Form.Text, ReaderKey.Of(HttpContext), cancellationToken);
        Done = outcome == ReportOutcome.AlreadyReported
            ? "You have already reported this comment; a moderator will look at it."
            : "Thank you. A moderator will look at the comment.";
        return Page();
    }

    /// <summary>The form again, with the reader's choices and the problem stated.</summary>
    private PageResult Problem(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
