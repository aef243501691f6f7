using Masthead.Moderation.Phases;

namespace Masthead.Moderation.Tests;

public sealed class LinkFinderTests
{
    [Theory]
    [InlineData("https://Cheap-Meds.example/offer?x=1", "cheap-meds.example")]
    [InlineData("http://user:secret@host.example:8080/path", "host.example")]
    [InlineData("www.example.org", "www.example.org")]
    [InlineData("https://пример.рф/страница", "пример.рф")]
    [InlineData("http://nodot/path", null)]
    [InlineData("http://bad_host.example/", null)]
    [InlineData("http://.example./", null)]
    public void HostOf_Link_HostOrNothing(string link, string? host) => Assert.Equal(host, LinkFinder.HostOf(link));

    [Fact]
    public void Find_SchemeWwwAndBareDomains_AllFoundWithHostsAndSpans()
    {
        const string text = "See https://a.example/x, www.b.example and cheap-pills.top/buy now.";

        var links = LinkFinder.Find(text);

        Assert.Equal(["a.example", "b.example", "cheap-pills.top"], links.Select(l => l.Host));
        Assert.All(links, l => Assert.Equal(l.Url, text.Substring(l.Span.Start, l.Span.Length)));
    }
}
