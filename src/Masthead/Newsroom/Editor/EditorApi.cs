using Masthead.Articles;
using Microsoft.AspNetCore.Antiforgery;

namespace Masthead.Newsroom.Editor;

/// <summary>The editor's live preview: Markdown in, the same sanitized HTML the article page would show.</summary>
public static class EditorApi
{
    public static IEndpointRouteBuilder MapEditor(this IEndpointRouteBuilder app)
    {
        app.MapPost(NewsroomSetup.PathPrefix + "/api/preview", async (HttpContext context, IAntiforgery antiforgery, ArticleMarkdown markdown, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The anti-forgery token is missing or stale; reload the editor.");
            }

            var form = await context.Request.ReadFormAsync(cancellationToken);
            var text = form["markdown"].ToString();
            if (text.Length > ArticleWriter.MaxBodyLength)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: "The body is longer than an article may be.");
            }

            return Results.Content(markdown.ToHtml(text), "text/html; charset=utf-8");
        })
        .RequireAuthorization(StaffPolicies.Write)
        .DisableAntiforgery(); // checked above, with a readable answer
        return app;
    }
}
