using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Masthead.Site;

/// <summary>Serves <see cref="CachedPageAttribute"/> endpoints from <see cref="PageCache"/> and fills it on a miss.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, IAntiforgery antiforgery, IOptionsMonitor<PageCacheOptions> options)
{
    /// <summary>Cookies whose holder sees a page of their own (their held comments), never the shared one.</summary>
    private static readonly string[] PersonalCookies = [Discussion.PendingCommentsCookie.Name, Discussion.Editing.OwnCommentsCookie.Name];

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || !IsCacheable(context))
        {
            await next(context);
            return;
        }

        var key = KeyOf(context.Request);
        if (cache.TryGet(key, out var page))
        {
            context.Response.Headers["X-Page-Cache"] = "hit";
            await WriteAsync(context, page, StatusCodes.Status200OK);
            return;
        }

        var generation = cache.Generation;
        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.Features.Set(new PageCaptureFeature());
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
            context.Features.Set<PageCaptureFeature>(null);
            cache.Rendered(key);
        }

        var contentType = context.Response.ContentType;
        var storable = context.Response.StatusCode == StatusCodes.Status200OK &&
                       contentType is not null &&
                       !context.Response.Headers.ContainsKey(HeaderNames.SetCookie);
        if (!storable)
        {
            if (buffer.Length > 0)
            {
                var once = new CachedPage(generation, DateTimeOffset.MinValue, contentType ?? "text/plain",
                    PageCache.Split(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
                await WriteAsync(context, once, context.Response.StatusCode);
            }

            return;
        }

        page = cache.Store(key, generation, contentType!, buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
            TimeSpan.FromSeconds(settings.MaxAgeSeconds), settings.MaxEntries, settings.MaxMegabytes * 1024L * 1024L);
        context.Response.Headers["X-Page-Cache"] = "miss";
        await WriteAsync(context, page, StatusCodes.Status200OK);
    }

    private static bool IsCacheable(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>() is null)
        {
            return false;
        }

        foreach (var name in PersonalCookies)
        {
            if (context.Request.Cookies.ContainsKey(name))
            {
                return false;
            }
        }

        // Only the query a cached page varies by: any other query string (a reply link, a tracking
        // parameter, a cache-busting attack) is rendered fresh and never stored.
        var query = context.Request.Query;
        return query.Count == 0 || (query.Count == 1 && query.TryGetValue("page", out var page) && page.Count == 1 &&
                                    page[0] is { Length: > 0 and < 7 } p && p.All(char.IsAsciiDigit));
    }

    // Routing ignores case, so the key does too; the host is part of it because, with no base URL
    // configured, absolute links in the page are built from it.
    private static string KeyOf(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value).ToLowerInvariant();

    private async Task WriteAsync(HttpContext context, CachedPage page, int statusCode)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = page.ContentType;

        // Sets the anti-forgery cookie if the reader has none, and marks the response uncacheable downstream.
        var token = page.NeedsToken ? Encoding.ASCII.GetBytes(antiforgery.GetAndStoreTokens(context).RequestToken ?? "") : [];
        var length = 0L;
        foreach (var segment in page.Segments)
        {
            length += segment.Length;
        }

        response.ContentLength = length + (token.Length * (page.Segments.Length - 1));
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // Copy everything into the response pipe and flush once: one write to the socket, not one per piece.
        var writer = response.BodyWriter;
        for (var i = 0; i < page.Segments.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(token);
            }

            writer.Write(page.Segments[i]);
        }

        await writer.FlushAsync(context.RequestAborted);
    }
}
