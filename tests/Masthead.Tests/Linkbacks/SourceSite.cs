using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Masthead.Tests.Linkbacks;

/// <summary>Another site on 127.0.0.1 whose pages a test writes: the sources of webmentions.</summary>
public sealed class SourceSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Html)> _pages = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

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
