using Masthead.Linkbacks.Sending;

namespace Masthead.Tests.Linkbacks;

public sealed class OutboundLinksTests
{
    [Fact]
    public void Find_ArticleHtml_OffSiteHttpLinksOnceInOrderWithoutFragments()
    {
        const string html = """
            <p><a href="https://ports.example/a#top">a</a> <a href="/articles/ours">ours</a> <a href="https://news.example/articles/x">own site</a>
            <a href="mailto:desk@example.com">mail</a> <a href="https://ports.example/a">again</a> <a href="http://blog.example/b?x=1">b</a></p>
            """;

        var links = OutboundLinks.Find(html, "https://news.example");

        Assert.Equal(["https://ports.example/a", "http://blog.example/b?x=1"], links);
    }

    [Fact]
    public void Find_AddressTooLongOnceEncoded_Skipped()
    {
        var longPath = string.Concat(Enumerable.Repeat("ж", 600));

        var links = OutboundLinks.Find($"<a href=\"https://ports.example/{longPath}\">long</a><a href=\"https://ports.example/short\">short</a>", "https://news.example");

        Assert.Equal(["https://ports.example/short"], links);
    }
}
