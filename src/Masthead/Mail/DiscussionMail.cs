using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Mail;

/// <summary>
/// The messages the discussion sends: confirming a commenter's address (double opt-in) with the
/// secret link to edit their comment, telling them of replies, telling moderators of held comments
/// and authors of new comments on their articles. Each one only queues a message.
/// </summary>
public sealed class DiscussionMail(
    MastheadDbContext db,
    MailOutbox outbox,
    MailTokens tokens,
    SiteContext site,
    IHttpContextAccessor http,
    UserManager<StaffUser> users,
    IOptionsMonitor<MailOptions> options,
    IOptionsMonitor<DiscussionOptions> discussion)
{
    private string BaseUrl => site.Publication.BaseUrl is { Length: > 0 } configured
        ? configured
        : http.HttpContext?.Request.BaseUrl(site.Publication) ?? "";

    /// <summary>A reader has just posted <paramref name="comment"/>.</summary>
    public async Task CommentPostedAsync(Comment comment, Article article, string editKey, CancellationToken cancellationToken)
    {
        if (!outbox.IsOn)
        {
            return;
        }

        if (comment.Status == CommentStatus.Pending)
        {
            await HeldAsync(comment, article, cancellationToken);
        }
        else if (comment.Status == CommentStatus.Approved)
        {
            await PublishedAsync(comment, article, cancellationToken);
        }

        if (!comment.NotifyReplies)
        {
            return;
        }

        var recipient = await outbox.RecipientAsync(comment.AuthorEmail, cancellationToken);
        if (recipient.StoppedAt is not null)
        {
            return;
        }

        var edit = $"{BaseUrl}/articles/{article.Slug}/comments/{comment.Id}/edit?key={Uri.EscapeDataString(editKey)}";
        var window = discussion.CurrentValue.EditWindowMinutes;
        var editLine = window > 0 ? $"\n\nTo correct or delete your comment (for {window} minutes after posting): {edit}" : "";
        if (recipient.ConfirmedAt is null)
        {
            var confirm = $"{BaseUrl}/mail/confirm?token={Uri.EscapeDataString(tokens.Create(MailAction.Confirm, recipient.Address))}";
            await outbox.SendAsync(recipient.Address, $"Confirm your address for replies on {site.Publication.Name}",
                $"You asked to be told by mail when someone replies to your comment on “{article.Title}”.\n\n" +
                $"Confirm this address: {confirm}\n\nIf it was not you, ignore this message: nothing more will be sent." + editLine + Footer(recipient.Address),
                null, cancellationToken);
        }
        else
        {
            await outbox.SendAsync(recipient.Address, $"Your comment on “{article.Title}”",
                $"Thank you for your comment on “{article.Title}”. We will mail you when someone replies." + editLine + Footer(recipient.Address),
                null, cancellationToken);
        }
    }

    /// <summary><paramref name="comment"/> has become visible to readers (posted approved, or approved by a moderator).</summary>
    public async Task PublishedAsync(Comment comment, Article article, CancellationToken cancellationToken)
    {
        if (!outbox.IsOn)
        {
            return;
        }

        var link = BaseUrl + SiteUrls.Comment(article.Slug, comment.Id);
        if (comment.ParentId is { } parentId &&
            await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken) is { NotifyReplies: true, Status: CommentStatus.Approved } parent &&
            !string.Equals(parent.AuthorEmail, comment.AuthorEmail, StringComparison.OrdinalIgnoreCase))
        {
            var address = parent.AuthorEmail.ToLowerInvariant();
            if (await db.MailRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.Address == address, cancellationToken) is { ConfirmedAt: not null, StoppedAt: null })
            {
                var unsubscribe = $"{BaseUrl}/mail/unsubscribe?token={Uri.EscapeDataString(tokens.Create(MailAction.Unsubscribe, address, parent.Id))}";
                await outbox.SendAsync(address, $"New reply to your comment on “{article.Title}”",
                    $"{comment.AuthorName} replied to your comment on “{article.Title}”:\n\n{Quote(comment.BodyMarkdown)}\n\nRead it and answer: {link}\n\n" +
                    $"No more mail about replies to this comment: {unsubscribe}" + Footer(address),
                    unsubscribe, cancellationToken);
            }
        }

        if (!options.CurrentValue.NotifyAuthors)
        {
            return;
        }

        var authorIds = await db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Authors.Select(x => x.AuthorId)).ToListAsync(cancellationToken);
        var authors = await db.Users.Where(u => u.AuthorId != null && authorIds.Contains(u.AuthorId.Value) && u.Email != null)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        foreach (var author in authors.Where(a => !string.Equals(a, comment.AuthorEmail, StringComparison.OrdinalIgnoreCase)))
        {
            await outbox.SendAsync(author, $"New comment on “{article.Title}”",
                $"{comment.AuthorName} commented on your article “{article.Title}”:\n\n{Quote(comment.BodyMarkdown)}\n\n{link}", null, cancellationToken);
        }
    }

    private async Task HeldAsync(Comment comment, Article article, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.NotifyModerators)
        {
            return;
        }

        var moderators = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in (string[])[StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Moderator])
        {
            moderators.UnionWith((await users.GetUsersInRoleAsync(role)).Where(u => u.Email is not null && u.LockoutEnd is null).Select(u => u.Email!));
        }

        foreach (var moderator in moderators)
        {
            await outbox.SendAsync(moderator, $"Held for review: a comment on “{article.Title}”",
                $"{comment.AuthorName} wrote on “{article.Title}”:\n\n{Quote(comment.BodyMarkdown)}\n\nWhy it was held: {comment.ModerationReason}\n\n" +
                $"Decide in the queue: {BaseUrl}/newsroom/moderation?article={Uri.EscapeDataString(article.Slug)}", null, cancellationToken);
        }
    }

    private string Footer(string address) =>
        $"\n\n-- \n{site.Publication.Name}. To stop all mail to {address}: {BaseUrl}/mail/preferences?token={Uri.EscapeDataString(tokens.Create(MailAction.Preferences, address))}";

    private static string Quote(string text)
    {
        var clipped = text.Length > 1000 ? text[..1000] + "…" : text;
        return string.Join('\n', clipped.Split('\n').Select(line => "> " + line));
    }
}
