using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Masthead.Tests.Linkbacks;

/// <summary>
/// Another site on 127.0.0.1 whose pages a test writes: the sources of webmentions, and the linked
/// pages of sent ones. <c>POST /endpoint/{status}</c> is a webmention endpoint that records what it
/// receives and answers with that status.
/// </summary>
public sealed class SourceSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Html)> _pages = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The forms posted to <c>/endpoint/{status}</c>, as "source → target".</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<SourceSite> StartAsync()
    {
        var site = new SourceSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        site._app = builder.Build();
        site._app.MapGet("/{**path}", (string path) =>
            site._pages.TryGetValue("/" + path, out var page)
                ? Results.Content(page.Html, "text/html", statusCode: page.Status)
                : Results.NotFound());
        site._app.MapPost("/endpoint/{status:int}", async (int status, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            site.Received.Enqueue($"{form["source"]} → {form["target"]}");
            return Results.Text("noted", statusCode: status);
        });
        site._app.MapPost("/moved-endpoint", () => Results.Redirect("/endpoint/202", permanent: false, preserveMethod: true));
        await site._app.StartAsync();
        site.BaseAddress = new Uri(site._app.Urls.First());
        return site;
    }

    public Uri Put(string path, string html, int status = 200)
    {
        _pages[path] = (status, html);
        return new Uri(BaseAddress, path);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
