using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Discussion.Editing;

/// <summary>What the edit form sends: the new text, and the secret when the page was opened from the mailed link.</summary>
public sealed class EditForm
{
    public string? Body { get; set; }
    public string? Key { get; set; }
}

/// <summary>
/// A poster's own comment, to fix or delete within the edit window. The right to it comes from the
/// own-comments cookie set when it was posted, or from the secret link sent by mail.
/// </summary>
public sealed class EditPageModel(CommentEditor editor, OwnCommentsCookie ownCookie, Microsoft.Extensions.Options.IOptionsMonitor<DiscussionOptions> discussion) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public Comment Comment { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool TooLate { get; private set; }
    public int MaxLength => discussion.CurrentValue.MaxCommentLength;

    public async Task<IActionResult> OnGetAsync(string slug, long id, string? key, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, id, key, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form.Body = Comment.BodyMarkdown;
        Form.Key = key;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, id, Form.Key, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await editor.EditAsync(Comment, Form.Body, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), cancellationToken) is { } problem)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return this.SeeOther($"{SiteUrls.Article(slug)}?c={id}#comment-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, id, Form.Key, cancellationToken) is { } refused)
        {
            return refused;
        }

        await editor.DeleteAsync(Comment, cancellationToken);
        return this.SeeOther(SiteUrls.Article(slug) + "#comments");
    }

    /// <summary>Loads the comment if this reader may change it; otherwise the answer to give.</summary>
    private async Task<IActionResult?> FindAsync(string slug, long id, string? key, CancellationToken cancellationToken)
    {
        key ??= ownCookie.Read(Request).GetValueOrDefault(id);
        var (comment, refusal) = await editor.FindAsync(slug, id, key, cancellationToken);
        switch (refusal)
        {
            case EditRefusal.NotYours:
                return NotFound();
            case EditRefusal.TooLate:
                Comment = comment!;
                TooLate = true;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                Comment = comment!;
                return null;
        }
    }
}
