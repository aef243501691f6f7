using System.Globalization;
using Masthead.Site;
using Microsoft.AspNetCore.Antiforgery;

namespace Masthead.Discussion.Votes;

/// <summary>
/// <c>POST /articles/{slug}/votes</c> with <c>vote=ID:up</c> or <c>vote=ID:down</c>: the buttons under
/// every comment submit one small form of the page, so voting needs no JavaScript. A script asking
/// for JSON gets the new counts; a plain post goes back to the comment.
/// </summary>
public static class VoteEndpoint
{
    public static WebApplication MapVotes(this WebApplication app)
    {
        app.MapPost("/articles/{slug}/votes", VoteAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> VoteAsync(string slug, HttpContext context, IAntiforgery antiforgery, CommentVoting voting, ReaderLimits limits, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Answer(context, StatusCodes.Status400BadRequest, "The page was open too long or came from elsewhere; reload it and vote again.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var parts = form["vote"].ToString().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || parts[1] is not ("up" or "down"))
        {
            return Answer(context, StatusCodes.Status400BadRequest, "Choose a comment and up or down.");
        }

        if (!limits.TryVote(context))
        {
            return Answer(context, StatusCodes.Status429TooManyRequests, "You have voted very often in the last hour; please try again later.");
        }

        var result = await voting.VoteAsync(slug, id, parts[1] == "up" ? 1 : -1, ReaderKey.Get(context), cancellationToken);
        if (result is null)
        {
            return Answer(context, StatusCodes.Status404NotFound, "That comment is not in this discussion.");
        }

        return context.Request.WantsJson()
            ? Results.Json(new { id = result.CommentId, up = result.Upvotes, down = result.Downvotes, yours = result.Yours })
            : SeeOtherExtensions.SeeOther(SiteUrls.Comment(slug, id));
    }

    private static IResult Answer(HttpContext context, int status, string message) =>
        context.Request.WantsJson() ? Results.Json(new { error = message }, statusCode: status) : Results.Text(message + "\n", "text/plain", statusCode: status);
}
