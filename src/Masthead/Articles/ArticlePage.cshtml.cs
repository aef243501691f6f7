using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Site;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Masthead.Articles;

/// <summary>
/// An article with its discussion. GET shows it; POST takes a new comment and, on any problem,
/// shows the page again with the reader's text and a message beside each field.
/// </summary>
[CachedPage]
[IgnoreAntiforgeryToken] // Checked in OnPostAsync so a stale token gets a readable page, not a bare 400.
public sealed class ArticlePageModel(
    ArticleQueries articles,
    ArticleMarkdown markdown,
    DiscussionQueries discussions,
    CommentPoster poster,
    PendingCommentsCookie pendingCookie,
    Discussion.Editing.OwnCommentsCookie ownCookie,
    Discussion.Editing.CommentEditor editor,
    Mail.DiscussionMail mail,
    IAntiforgery antiforgery,
    IOptionsMonitor<DiscussionOptions> discussionOptions,
    IOptionsMonitor<Linkbacks.LinkbackOptions> linkbackOptions,
    SiteContext site) : PageModel
{
    /// <summary>Which notifications the page advertises.</summary>
    public Linkbacks.LinkbackOptions Linkbacks => linkbackOptions.CurrentValue;

    public Article Article { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public DiscussionView Discussion { get; private set; } = null!;
    public PublicationView Site => site.Publication;
    public string CanonicalUrl { get; private set; } = "";

    /// <summary>Comments this reader posted and may still edit or delete (from their own-comments cookie).</summary>
    public IReadOnlySet<long> Editable { get; private set; } = new HashSet<long>();

    /// <summary>Whether the reader chose the order (kept in page links) rather than getting the site's default.</summary>
    public bool SortChosen { get; private set; }
    public string JsonLd { get; private set; } = "";

    [BindProperty]
    public CommentForm Form { get; set; } = new();

    /// <summary>Messages per form field; the empty key is for the form as a whole.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The comment being answered when the reply form is opened without JavaScript.</summary>
    public CommentView? ReplyTarget { get; private set; }

    /// <param name="cpage">A page of the discussion, when it is split into pages.</param>
    /// <param name="c">A comment whose page to show (the address a posted comment is sent to).</param>
    public async Task<IActionResult> OnGetAsync(string slug, long? replytocom, int? cpage, long? c, string? sort, CancellationToken cancellationToken)
    {
        DiscussionSort? order = null;
        if (sort is not null)
        {
            if (!Enum.TryParse<DiscussionSort>(sort, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(sort, out _))
            {
                return BadRequest("Sort the discussion by oldest, newest or best.");
            }

            order = parsed;
        }

        if (await LoadAsync(slug, cancellationToken, cpage ?? 1, replytocom ?? c, order) is { } notShown)
        {
            return notShown;
        }

        if (replytocom is { } id)
        {
            Form.ReplyTo = id;
            ReplyTarget = FindComment(id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The slug comes from the route, not from binding, which fails as a whole when the form is unreadable.
        if (await LoadAsync(RouteData.Values["slug"] as string ?? "", cancellationToken, pageOfComment: Form.ReplyTo) is { } notShown)
        {
            return notShown;
        }

        if (Form.ReplyTo is { } replyTo)
        {
            ReplyTarget = FindComment(replyTo);
        }

        if (!await IsFormGenuineAsync())
        {
            Errors[""] = "This form had expired or did not come from this site, so your comment was not posted. It is kept below: please send it again.";
            return ShowAgain(StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(Form.Homepage))
        {
            // A hidden field only bots fill in: answer as if all went well and keep nothing.
            return this.SeeOther(SiteUrls.Article(Article.Slug) + "#comments");
        }

        if (!ModelState.IsValid)
        {
            foreach (var (key, entry) in ModelState)
            {
                if (entry.Errors.Count > 0)
                {
                    Errors[key.Replace("Form.", "", StringComparison.Ordinal)] = entry.Errors[0].ErrorMessage is { Length: > 0 } m ? m : "Please check this field.";
                }
            }

            return ShowAgain(StatusCodes.Status400BadRequest);
        }

        var outcome = await poster.PostAsync(Article, Form, HttpContext.Connection.RemoteIpAddress?.ToString(),
            Request.Headers.UserAgent.ToString(), cancellationToken);
        switch (outcome)
        {
            case PostOutcome.Closed:
                Errors[""] = "Comments on this article are closed.";
                return ShowAgain(StatusCodes.Status403Forbidden);
            case PostOutcome.Invalid invalid:
                foreach (var (key, message) in invalid.Errors)
                {
                    Errors[key] = message;
                }

                return ShowAgain(StatusCodes.Status400BadRequest);
            case PostOutcome.Stored stored:
                if (stored.Comment.Status == CommentStatus.Pending)
                {
                    pendingCookie.Add(HttpContext, stored.Comment.Id);
                }

                ownCookie.Add(HttpContext, stored.Comment.Id, stored.EditKey);
                await mail.CommentPostedAsync(stored.Comment, Article, stored.EditKey, cancellationToken);

                // Post/redirect/get: a reload never posts twice. When the discussion is split into
                // pages, the address names the comment so the right page is shown.
                return this.SeeOther(discussionOptions.CurrentValue.ConversationsPerPage > 0
                    ? $"{SiteUrls.Article(Article.Slug)}?c={stored.Comment.Id}#comment-{stored.Comment.Id}"
                    : SiteUrls.Comment(Article.Slug, stored.Comment.Id));
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private async Task<bool> IsFormGenuineAsync()
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(HttpContext);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or BadHttpRequestException)
        {
            // A form that cannot even be read (bad encoding, a NUL byte) is treated like a forged one.
            return false;
        }
    }

    private PageResult ShowAgain(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }

    private HashSet<long> EditableOf(DiscussionView discussion, HashSet<long> owned)
    {
        var editable = new HashSet<long>();
        if (owned.Count == 0)
        {
            return editable;
        }

        void Walk(CommentNode node)
        {
            if (owned.Contains(node.Comment.Id) && !node.Comment.Deleted && editor.IsWithinWindow(node.Comment.CreatedAt))
            {
                editable.Add(node.Comment.Id);
            }

            node.Children.ForEach(Walk);
        }

        foreach (var entry in discussion.Entries)
        {
            if (entry.Thread is { } thread)
            {
                Walk(thread);
            }
        }

        return editable;
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken, int page = 1, long? pageOfComment = null, DiscussionSort? sort = null)
    {
        switch (await articles.FindBySlugAsync(slug, cancellationToken))
        {
            case ArticleLookup.Moved moved:
                // 308 for a post, so a comment written while the article was renamed is not lost.
                return HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                    ? RedirectPermanent(SiteUrls.Article(moved.CurrentSlug) + Request.QueryString)
                    : RedirectPermanentPreserveMethod(SiteUrls.Article(moved.CurrentSlug));
            case ArticleLookup.Gone:
                return StatusCode(StatusCodes.Status410Gone);
            case ArticleLookup.Found found:
                Article = found.Article;
                break;
            default:
                return NotFound();
        }

        BodyHtml = markdown.ToHtml(Article.BodyMarkdown);
        Discussion = await discussions.LoadAsync(Article, pendingCookie.Read(Request), cancellationToken, page, pageOfComment, sort);
        SortChosen = sort is not null;
        Editable = EditableOf(Discussion, ownCookie.Read(Request).Keys.ToHashSet());
        CanonicalUrl = Request.Absolute(Site, SiteUrls.Article(Article.Slug));
        JsonLd = ArticleMetadata.JsonLd(Article, Site, Request, CanonicalUrl);
        return null;
    }

    private CommentView? FindComment(long id)
    {
        var stack = new Stack<CommentNode>(Discussion.Entries.Where(e => e.Thread is not null).Select(e => e.Thread!));
        while (stack.TryPop(out var node))
        {
            if (node.Comment.Id == id)
            {
                return node.Comment.AwaitingModeration ? null : node.Comment;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return null;
    }
}
