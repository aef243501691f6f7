using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Site;

/// <summary>Error pages in the site's look. Reached by re-execution, so the original status code is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // The code is read from the route, not bound: a post whose form cannot be read must still get its error page.
    public IActionResult OnGet() => Show(RouteCode());

    public IActionResult OnPost() => Show(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) &&
        code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;

    private PageResult Show(int code)
    {
        // Visited directly, the page answers 404 rather than pretend an error happened.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
                         HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Code = reExecuted ? code : StatusCodes.Status404NotFound;
        (Heading, Message) = Code switch
        {
            404 => ("Page not found", "There is nothing at this address. The article may have moved, or the link may be mistyped."),
            410 => ("This article has been withdrawn", "It is no longer published here, and this address will not come back."),
            413 => ("That was too much to send", "The form was larger than the site accepts. Please shorten the text, or choose a smaller file, and try again."),
            400 => ("That request could not be understood", "Please go back and try again."),
            403 => ("Not allowed", "You do not have access to this page."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            >= 500 => ("Something went wrong on our side", "The error has been logged. Please try again in a moment."),
            _ => ("Something went wrong", "Please go back and try again."),
        };
        Response.StatusCode = Code;
        return Page();
    }
}
