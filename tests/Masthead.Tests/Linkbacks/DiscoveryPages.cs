using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Masthead.Tests.Linkbacks;

/// <summary>
/// A small site on 127.0.0.1 whose pages each advertise a Webmention endpoint one way — the 23
/// discovery cases of the webmention.rocks suite, written here — plus pages for hostile cases.
/// </summary>
public sealed class DiscoveryPages : IAsyncLifetime
{
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Case number, and the endpoint path its page should yield.</summary>
    public static IReadOnlyList<(int Case, string Expected)> Cases { get; } =
    [
        (1, "/test/1/webmention?head=true"), (2, "/test/2/webmention?head=true"), (3, "/test/3/webmention"),
        (4, "/test/4/webmention"), (5, "/test/5/webmention"), (6, "/test/6/webmention"), (7, "/test/7/webmention?head=true"),
        (8, "/test/8/webmention?head=true"), (9, "/test/9/webmention"), (10, "/test/10/webmention?head=true"),
        (11, "/test/11/webmention"), (12, "/test/12/webmention"), (13, "/test/13/webmention"), (14, "/test/14/webmention"),
        (15, "/test/15"), (16, "/test/16/webmention"), (17, "/test/17/webmention"), (18, "/test/18/webmention?head=true"),
        (19, "/test/19/webmention?head=true"), (20, "/test/20/webmention"), (21, "/test/21/webmention?query=yes"),
        (22, "/test/22/webmention"), (23, "/test/23/page/webmention-endpoint"),
    ];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/test/{n:int}", (int n, HttpContext context) => Page(n, context));
        _app.MapGet("/test/23/page", () => Results.Redirect("/test/23/page/final"));
        _app.MapGet("/test/23/page/final", () => Html("""<link rel="webmention" href="webmention-endpoint">"""));
        _app.MapGet("/slow", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>", context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        _app.MapGet("/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = new string('x', 64 * 1024);
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted);
            }
        });
        _app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static IResult Html(string body, string head = "") =>
        Results.Content($"<!DOCTYPE html><html><head><title>Discovery</title>{head}</head><body>{body}</body></html>", "text/html");

    private IResult Page(int n, HttpContext context)
    {
        var self = $"{BaseAddress.GetLeftPart(UriPartial.Authority)}/test/{n}";
        var headers = context.Response.Headers;
        switch (n)
        {
            case 1: headers.Link = $"</test/1/webmention?head=true>; rel=webmention"; return Html("");
            case 2: headers.Link = $"<{self}/webmention?head=true>; rel=webmention"; return Html("");
            case 3: return Html("", """<link rel="webmention" href="/test/3/webmention">""");
            case 4: return Html("", $"""<link rel="webmention" href="{self}/webmention">""");
            case 5: return Html("""<a rel="webmention" href="/test/5/webmention">endpoint</a>""");
            case 6: return Html($"""<a rel="webmention" href="{self}/webmention">endpoint</a>""");
            case 7: headers["LinK"] = "</test/7/webmention?head=true>; rel=webmention"; return Html("");
            case 8: headers.Link = "</test/8/webmention?head=true>; rel=\"webmention\""; return Html("");
            case 9: return Html("", """<link rel="webmention somethingelse" href="/test/9/webmention">""");
            case 10: headers.Link = "</test/10/webmention?head=true>; rel=\"webmention somethingelse\""; return Html("");
            case 11:
                headers.Link = "</test/11/webmention>; rel=webmention";
                return Html("""<a rel="webmention" href="/test/11/wrong">wrong</a>""", """<link rel="webmention" href="/test/11/wrong">""");
            case 12: return Html("", """<link rel="not-webmention" href="/test/12/wrong"><link rel="webmention" href="/test/12/webmention">""");
            case 13: return Html("""<!-- <a rel="webmention" href="/test/13/wrong"></a> --><a rel="webmention" href="/test/13/webmention">real</a>""");
            case 14: return Html("""<code>&lt;a href="/test/14/wrong" rel="webmention"&gt;&lt;/a&gt;</code><a rel="webmention" href="/test/14/webmention">real</a>""");
            case 15: return Html("", """<link rel="webmention" href="">""");
            case 16: return Html("""<a rel="webmention" href="/test/16/webmention">first</a><link rel="webmention" href="/test/16/wrong">""");
            case 17: return Html("""<link rel="webmention" href="/test/17/webmention"><a rel="webmention" href="/test/17/wrong">second</a>""");
            case 18:
                headers.Append("Link", "<https://example.invalid/wrong>; rel=\"other\"");
                headers.Append("Link", "</test/18/webmention?head=true>; rel=\"webmention\"");
                return Html("");
            case 19: headers.Link = "<https://example.invalid/wrong>; rel=\"other\", </test/19/webmention?head=true>; rel=\"webmention\""; return Html("");
            case 20: return Html("""<link rel="webmention"><a rel="webmention" href="/test/20/webmention">real</a>""");
            case 21: return Html("", """<link rel="webmention" href="/test/21/webmention?query=yes">""");
            case 22: return Html("", """<link rel="webmention" href="22/webmention">""");
            default: return Results.NotFound();
        }
    }
}
