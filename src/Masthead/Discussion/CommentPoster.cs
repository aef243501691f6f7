using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>The outcome of a reader posting a comment.</summary>
public abstract record PostOutcome
{
    private PostOutcome()
    {
    }

    /// <param name="EditKey">The secret that lets the poster edit or delete the comment; stored only as a hash.</param>
    public sealed record Stored(Comment Comment, string EditKey) : PostOutcome;

    /// <summary>Field name (as in the form) to message; the empty key is for the whole form.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : PostOutcome;

    public sealed record Closed : PostOutcome;
}

/// <summary>Checks what the form alone cannot, asks the moderation seam, and stores the comment.</summary>
public sealed class CommentPoster(
    MastheadDbContext db,
    ICommentModerator moderator,
    CommentMarkdown markdown,
    DiscussionQueries discussion,
    IPageCache pageCache,
    Live.ICommentFanOut fanOut,
    IOptionsMonitor<DiscussionOptions> options,
    TimeProvider clock,
    ILogger<CommentPoster> logger)
{
    public async Task<PostOutcome> PostAsync(Article article, CommentForm form, string? ipAddress, string? userAgent, CancellationToken cancellationToken)
    {
        if (!discussion.IsOpen(article))
        {
            return new PostOutcome.Closed();
        }

        var errors = new Dictionary<string, string>();
        var body = Clean(form.Body).Trim();
        var max = options.CurrentValue.MaxCommentLength;
        if (body.Length == 0)
        {
            errors[nameof(CommentForm.Body)] = "Please write a comment.";
        }
        else if (body.Length > max)
        {
            errors[nameof(CommentForm.Body)] = $"Your comment is {body.Length:N0} characters long; the limit is {max:N0}. Please shorten it.";
        }

        if (options.CurrentValue.RequireNameAndEmail)
        {
            if (string.IsNullOrWhiteSpace(Clean(form.Name)))
            {
                errors[nameof(CommentForm.Name)] = "Please enter your name.";
            }

            if (string.IsNullOrWhiteSpace(Clean(form.Email)))
            {
                errors[nameof(CommentForm.Email)] = "Please enter your email address. It is never published.";
            }
        }

        var website = NormalizeWebsite(form.Website);
        if (website is { Valid: false })
        {
            errors[nameof(CommentForm.Website)] = "The website must be an http or https address, such as https://example.com.";
        }

        if (form.ReplyTo is { } parentId)
        {
            var parentOk = await db.Comments.AnyAsync(
                c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved, cancellationToken);
            if (!parentOk)
            {
                errors[nameof(CommentForm.ReplyTo)] = "The comment you are replying to is not available any more. Your text is kept below; post it as a new comment.";
            }
        }

        if (errors.Count > 0)
        {
            return new PostOutcome.Invalid(errors);
        }

        var name = Clean(form.Name).Trim() is { Length: > 0 } given ? given : "Anonymous";
        var email = Clean(form.Email).Trim().ToLowerInvariant();
        var verdict = await moderator.ModerateAsync(
            new CommentSubmission(article.Id, name, email, website?.Url, body, ipAddress, userAgent), cancellationToken);

        var editKey = Editing.EditKeys.New();
        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = form.ReplyTo,
            AuthorName = name,
            AuthorEmail = email,
            AuthorUrl = website?.Url,
            BodyMarkdown = body,
            BodyHtml = markdown.ToHtml(body),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = verdict.Status,
            ModerationReason = verdict.Reason.Length > 1000 ? verdict.Reason[..1000] : verdict.Reason,
            ModerationDetails = verdict.Details,
            ModerationCategory = verdict.Category,
            IpAddress = ipAddress,
            UserAgent = userAgent is { Length: > 500 } ? userAgent[..500] : userAgent,
            EditKeyHash = Editing.EditKeys.Hash(editKey),
            NotifyReplies = form.NotifyReplies && email.Length > 0,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId} on article {ArticleId} stored as {Status}: {Reason}", comment.Id, article.Id, comment.Status, verdict.Reason);

        if (comment.Status == CommentStatus.Approved)
        {
            pageCache.Invalidate();
            fanOut.Publish(new Live.CommentPublished(article.Id, comment.Id, comment.AuthorName));
        }

        return new PostOutcome.Stored(comment, editKey);
    }

    /// <summary>
    /// Line breaks as "\n" (browsers send "\r\n" but count one character against maxlength), and no
    /// control characters, which have no place in a comment and break XML feeds and PostgreSQL.
    /// </summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return string.Create(normalized.Length - normalized.Count(IsUnwanted), normalized, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsUnwanted(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    private static bool IsUnwanted(char c) => (char.IsControl(c) && c is not ('\n' or '\t')) || c is '\uFFFE' or '\uFFFF';

    private sealed record Website(string? Url, bool Valid);

    private static Website? NormalizeWebsite(string? input)
    {
        var text = Clean(input).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) &&
               (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
               uri.Host.Contains('.', StringComparison.Ordinal) &&
               uri.AbsoluteUri.Length <= 500
            ? new Website(uri.AbsoluteUri, true)
            : new Website(null, false);
    }
}
