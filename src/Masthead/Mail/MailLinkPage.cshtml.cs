using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Mail;

/// <summary>
/// Where the links in messages lead: confirm an address, stop replies about one comment, stop all
/// mail. The GET shows what will happen and a button; only the POST changes anything. The signed
/// token in the address is the authority, which is why these posts need no anti-forgery token —
/// RFC 8058 has mail clients post the unsubscribe link directly, with nothing but
/// "List-Unsubscribe=One-Click" in the body.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class MailLinkPageModel(MailTokens tokens, MailOutbox outbox, MastheadDbContext db, TimeProvider clock) : PageModel
{
    public MailAction Action { get; private set; }
    public string Address { get; private set; } = "";
    public string? Done { get; private set; }

    public IActionResult OnGet(string what, string? token) => Read(what, token) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync(string what, string? token, CancellationToken cancellationToken)
    {
        if (Read(what, token) is { } refused)
        {
            return refused;
        }

        var (address, commentId) = tokens.Read(token, Action)!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (Action)
        {
            case MailAction.Confirm:
                var recipient = await outbox.RecipientAsync(address, cancellationToken);
                recipient.ConfirmedAt ??= now;
                recipient.StoppedAt = null;
                await db.SaveChangesAsync(cancellationToken);
                Done = $"Thank you: {address} is confirmed. We will mail it when someone replies to your comments.";
                break;
            case MailAction.Unsubscribe:
                await db.Comments.Where(c => c.Id == commentId && c.AuthorEmail == address)
                    .ExecuteUpdateAsync(c => c.SetProperty(x => x.NotifyReplies, false), cancellationToken);
                Done = "Done: no more mail about replies to that comment.";
                break;
            default:
                var stopping = await outbox.RecipientAsync(address, cancellationToken);
                stopping.StoppedAt ??= now;
                await db.SaveChangesAsync(cancellationToken);
                await db.Comments.Where(c => c.AuthorEmail == address && c.NotifyReplies)
                    .ExecuteUpdateAsync(c => c.SetProperty(x => x.NotifyReplies, false), cancellationToken);
                Done = $"Done: {address} will get no more mail from this site.";
                break;
        }

        return Page();
    }

    private IActionResult? Read(string what, string? token)
    {
        if (!Enum.TryParse<MailAction>(what, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || what.Any(char.IsDigit))
        {
            return NotFound();
        }

        Action = parsed;
        if (tokens.Read(token, parsed) is not { } named)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Done = "This link is damaged or was not made by this site. Copy the whole address from the message, or ask the editors.";
            return Page();
        }

        Address = named.Address;
        return null;
    }
}
