using System.Net;
using System.Text;
using System.Xml;
using Masthead.Articles;
using Masthead.Data.Entities;
using Masthead.Site;

namespace Masthead.Linkbacks;

/// <summary>
/// Pingback 1.0 over XML-RPC: <c>POST /xmlrpc</c> with <c>pingback.ping(sourceURI, targetURI)</c>,
/// advertised by an <c>X-Pingback</c> header and <c>&lt;link rel="pingback"&gt;</c> on every article. The
/// source is verified while the caller waits, within the fetch's time limit, and the answer uses
/// the specification's fault codes.
/// </summary>
/// <remarks>Read with <see cref="XmlReader"/> rather than an XML-RPC library: the one method needs
/// a dozen lines, and the reader can be locked down — no DTD, no entities, no external resources,
/// a small size cap — which is what makes XXE and "billion laughs" bodies harmless.</remarks>
public static class PingbackEndpoint
{
    public const string Path = "/xmlrpc";
    public const int MaxBodyBytes = 64 * 1024;

    private static class Faults
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

    private static async Task<IResult> ReceiveAsync(HttpContext context, ArticleQueries articles, SiteContext site, LinkbackVerifier verifier, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadCappedAsync(context.Request.Body, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!TryReadCall(body, out var method, out var arguments))
        {
            return Fault(Faults.Generic, "The request is not a well-formed XML-RPC call (document type declarations are not accepted).");
        }

        if (method != "pingback.ping")
        {
            return Fault(Faults.Generic, $"Unknown method '{method}'. This server answers pingback.ping only.");
        }

        if (arguments.Count != 2 || LinkTargets.AbsoluteHttp(arguments[0]) is not { } source || LinkTargets.AbsoluteHttp(arguments[1]) is not { } target)
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

    /// <summary>Reads <c>methodCall</c>: the method's name and its string parameters (a bare value counts as a string).</summary>
    internal static bool TryReadCall(byte[] body, out string method, out List<string> arguments)
    {
        method = "";
        arguments = [];
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBodyBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            string? current = null;
            var inValue = false;
            var valueText = new StringBuilder();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    current = reader.LocalName;
                    if (current == "value")
                    {
                        inValue = true;
                        valueText.Clear();
                        if (reader.IsEmptyElement)
                        {
                            arguments.Add("");
                            inValue = false;
                        }
                    }
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    if (current == "methodName")
                    {
                        method = reader.Value.Trim();
                    }
                    else if (inValue)
                    {
                        valueText.Append(reader.Value);
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "value" && inValue)
                {
                    arguments.Add(valueText.ToString().Trim());
                    inValue = false;
                }
            }

            return method.Length > 0;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static IResult Success(string message) => Xml(
        $"<methodResponse><params><param><value><string>{WebUtility.HtmlEncode(message)}</string></value></param></params></methodResponse>");

    private static IResult Fault(int code, string message) => Xml(
        "<methodResponse><fault><value><struct>" +
        $"<member><name>faultCode</name><value><int>{code}</int></value></member>" +
        $"<member><name>faultString</name><value><string>{WebUtility.HtmlEncode(message)}</string></value></member>" +
        "</struct></value></fault></methodResponse>");

    private static IResult Xml(string response) =>
        Results.Content("<?xml version=\"1.0\"?>\n" + response, "text/xml; charset=utf-8");
}
