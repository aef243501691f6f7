using Masthead.Articles;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks;

/// <summary>
/// Pingback 1.0 over XML-RPC: <c>POST /xmlrpc</c> with <c>pingback.ping(sourceURI, targetURI)</c>,
/// advertised by an <c>X-Pingback</c> header and <c>&lt;link rel="pingback"&gt;</c> on every article. The
/// source is verified while the caller waits, within the fetch's time limit, and the answer uses
/// the specification's fault codes.
/// </summary>
public static class PingbackEndpoint
{
    public const string Path = "/xmlrpc";
    public const int MaxBodyBytes = XmlRpc.MaxBytes;

    public static class Faults
    {
        public const int Generic = 0;
        public const int SourceMissing = 16;
        public const int NoLinkToTarget = 17;
        public const int TargetMissing = 32;
        public const int TargetUnusable = 33;
        public const int AlreadyRegistered = 48;
        public const int AccessDenied = 49;
        public const int Upstream = 50;
    }

    public static WebApplication MapPingback(this WebApplication app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery().RequireRateLimiting(WebmentionEndpoint.RateLimitPolicy);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, ArticleQueries articles, SiteContext site, LinkbackVerifier verifier,
        SourceHostLimiter sourceHosts, IOptionsMonitor<LinkbackOptions> options, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.ReceivePingbacks)
        {
            return Results.Text("This site does not take pingbacks.\n", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadCappedAsync(context.Request.Body, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (XmlRpc.Read(body) is not { Method.Length: > 0 } call)
        {
            return Fault(Faults.Generic, "The request is not a well-formed XML-RPC call (document type declarations are not accepted).");
        }

        if (call.Method != "pingback.ping")
        {
            return Fault(Faults.Generic, $"Unknown method '{call.Method}'. This server answers pingback.ping only.");
        }

        if (call.Values.Count != 2 || LinkTargets.AbsoluteHttp(call.Values[0]) is not { } source || LinkTargets.AbsoluteHttp(call.Values[1]) is not { } target)
        {
            return Fault(Faults.Generic, "pingback.ping takes two absolute http(s) URIs: the source and the target.");
        }

        if (!LinkTargets.IsArticleOnThisSite(target, context.Request, site.Publication) || SourcePage.SameResource(source, target))
        {
            return Fault(Faults.TargetUnusable, "The target is not an article on this site.");
        }

        if (await LinkTargets.FindArticleAsync(target, articles, cancellationToken) is not { } article)
        {
            return Fault(Faults.TargetMissing, "The target article does not exist.");
        }

        if (!sourceHosts.TryAcquire(source))
        {
            return Results.Text($"Too many pingbacks about pages on {source.Host}; try again later.\n", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var outcome = await verifier.VerifyAsync(new VerificationRequest(LinkbackKind.Pingback, source, target, article.Id), cancellationToken);
        return outcome switch
        {
            VerificationOutcome.Stored => Success($"Pingback from {source} to {target} registered."),
            VerificationOutcome.Updated => Fault(Faults.AlreadyRegistered, "The pingback has already been registered; its title and excerpt were refreshed."),
            VerificationOutcome.Removed or VerificationOutcome.NoLink => Fault(Faults.NoLinkToTarget, "The source does not link to the target."),
            VerificationOutcome.Refused => Fault(Faults.AccessDenied, "The source is on an address this site does not fetch."),
            VerificationOutcome.Missing => Fault(Faults.SourceMissing, "The source does not exist."),
            _ => Fault(Faults.Upstream, "The source's server did not give a usable answer."),
        };
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static IResult Success(string message) => Xml(XmlRpc.Success(message));

    private static IResult Fault(int code, string message) => Xml(XmlRpc.Fault(code, message));

    private static IResult Xml(string response) => Results.Content(response, "text/xml; charset=utf-8");
}
