using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Site;

public static class SeeOtherExtensions
{
    /// <summary>Post/redirect/get: 303 sends the browser to <paramref name="location"/> with a GET, so a reload never posts twice.</summary>
    public static IActionResult SeeOther(this PageModel page, string location)
    {
        page.Response.StatusCode = StatusCodes.Status303SeeOther;
        page.Response.Headers.Location = location;
        return new EmptyResult();
    }

    /// <summary>Whether the caller is a script that asked for JSON rather than a page.</summary>
    public static bool WantsJson(this HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The same for minimal API endpoints.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
