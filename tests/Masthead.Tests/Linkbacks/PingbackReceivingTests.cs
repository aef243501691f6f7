using System.Net;
using System.Text;
using System.Xml.Linq;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Linkbacks;

public sealed class PingbackReceivingTests : LinkbackSites
{
    [Fact]
    public async Task Ping_SourceLinks_RegisteredThenRepeatAnswers48AndUpdates()
    {
        var (slug, target) = await ArticleAsync();
        var source = Sources.Put("/blog/grain", Page("Grain, again", target));

        var first = await PingAsync(source.ToString(), target.ToString());
        Sources.Put("/blog/grain", Page("Grain, once more", target));
        var second = await PingAsync(source.ToString(), target.ToString());

        Assert.Null(FaultCode(first));
        Assert.Equal(48, FaultCode(second));
        var stored = await Server.DbAsync(db => db.Linkbacks.AsNoTracking().SingleAsync(l => l.Article.Slug == slug));
        Assert.Equal((LinkbackKind.Pingback, "Grain, once more"), (stored.Kind, stored.Title));
    }

    [Theory]
    [InlineData("no-link", 17)]
    [InlineData("missing", 16)]
    [InlineData("server-error", 50)]
    [InlineData("private", 49)]
    [InlineData("foreign-target", 33)]
    [InlineData("no-article", 32)]
    [InlineData("wrong-method", 0)]
    public async Task Ping_Problem_AnswersTheSpecificationsFaultCode(string problem, int code)
    {
        var (_, target) = await ArticleAsync();
        var source = problem switch
        {
            "no-link" => Sources.Put("/blog/unrelated", "<html><body><p>No link here.</p></body></html>").ToString(),
            "missing" => new Uri(Sources.BaseAddress, "/blog/never-written").ToString(),
            "server-error" => Sources.Put("/blog/broken", "<html><body>oops</body></html>", 500).ToString(),
            "private" => "http://10.0.0.7/post",
            _ => Sources.Put("/blog/fine", Page("Fine", target)).ToString(),
        };
        var targetText = problem switch
        {
            "foreign-target" => "https://elsewhere.example/articles/x",
            "no-article" => new Uri(Server.BaseAddress, "/articles/no-such-article").ToString(),
            _ => target.ToString(),
        };

        var answer = await PingAsync(source, targetText, problem == "wrong-method" ? "pingback.extensions.getPingbacks" : "pingback.ping");

        Assert.Equal(code, FaultCode(answer));
    }

    [Fact]
    public async Task Ping_ExternalEntity_RefusedWithoutReadingIt()
    {
        var secret = Path.Combine(Server.DataDirectory, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        var body = $"""
            <?xml version="1.0"?>
            <!DOCTYPE methodCall [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <methodCall><methodName>pingback.ping</methodName><params>
            <param><value><string>&xxe;</string></value></param><param><value><string>x</string></value></param>
            </params></methodCall>
            """;

        var answer = await PostAsync(body);

        Assert.Equal(0, FaultCode(answer));
        Assert.DoesNotContain("TOP-SECRET", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_BillionLaughs_RefusedQuickly()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        var body = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><methodCall><methodName>&lol9;</methodName></methodCall>";

        var answer = await PostAsync(body);

        Assert.Equal(0, FaultCode(answer));
    }

    [Fact]
    public async Task Ping_OversizedBody_413()
    {
        using var reader = Server.NewReader();
        using var content = new StringContent("<methodCall>" + new string(' ', 70 * 1024) + "</methodCall>", Encoding.UTF8, "text/xml");

        var response = await reader.PostAsync("/xmlrpc", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Article_AdvertisesPingback_InHeaderAndHtml()
    {
        var (slug, _) = await ArticleAsync();
        using var reader = Server.NewReader();

        var page = await reader.PageAsync($"/articles/{slug}");

        Assert.EndsWith("/xmlrpc", page.Response.Headers.GetValues("X-Pingback").Single(), StringComparison.Ordinal);
        Assert.EndsWith("/xmlrpc", page.Document.QuerySelector("link[rel=pingback]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    private async Task<(string Slug, Uri Target)> ArticleAsync()
    {
        var slug = await Server.ArticleAsync();
        return (slug, new Uri(Server.BaseAddress, $"/articles/{slug}"));
    }

    private static string Page(string title, Uri target) =>
        $"<html><head><title>{title}</title></head><body><p>Worth reading: <a href=\"{target}\">the corridor piece</a>.</p></body></html>";

    private Task<string> PingAsync(string source, string target, string method = "pingback.ping") =>
        PostAsync(new XDocument(new XElement("methodCall",
            new XElement("methodName", method),
            new XElement("params",
                new XElement("param", new XElement("value", new XElement("string", source))),
                new XElement("param", new XElement("value", new XElement("string", target)))))).ToString());

    private async Task<string> PostAsync(string xml)
    {
        using var reader = Server.NewReader();
        using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
        var response = await reader.PostAsync("/xmlrpc", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The fault's code, or null for a successful answer.</summary>
    private static int? FaultCode(string response)
    {
        var fault = XDocument.Parse(response).Root!.Element("fault");
        return fault is null
            ? null
            : (int)fault.Descendants("member").Single(m => (string?)m.Element("name") == "faultCode").Element("value")!.Element("int")!;
    }
}
