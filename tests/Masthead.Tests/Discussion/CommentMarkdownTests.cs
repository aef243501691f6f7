using AngleSharp.Html.Parser;
using Masthead.Discussion;

namespace Masthead.Tests.Discussion;

public sealed class CommentMarkdownTests
{
    private readonly CommentMarkdown _markdown = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("![pic](https://tracker.example/p.gif)")]
    [InlineData("<iframe src=https://evil.example></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    public void ToHtml_HostileInput_NoActiveContent(string input)
    {
        var document = new HtmlParser().ParseDocument($"<body>{_markdown.ToHtml(input)}</body>");
        var elements = document.Body!.QuerySelectorAll("*");

        Assert.Empty(document.Body.QuerySelectorAll("script, img, iframe, object, embed, style"));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.All(elements.Select(e => e.GetAttribute("href")).OfType<string>(), href =>
            Assert.True(href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal), href));
    }

    [Fact]
    public void ToHtml_RawHtml_ShownAsText()
    {
        Assert.Equal("<p>&lt;b&gt;hi&lt;/b&gt;</p>", _markdown.ToHtml("<b>hi</b>"));
    }

    [Fact]
    public void ToHtml_Links_AreNofollowUgc()
    {
        var html = _markdown.ToHtml("See [the report](https://example.org/report) and https://example.net/");

        Assert.Contains("<a href=\"https://example.org/report\" rel=\"nofollow ugc noopener\">the report</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.net/\" rel=\"nofollow ugc noopener\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SafeSubset_Kept()
    {
        var html = _markdown.ToHtml("*em* **strong** `code`\n\n> quoted\n\n- one\n- two");

        Assert.Contains("<em>em</em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>strong</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_HeadingMarkup_StaysAParagraph()
    {
        Assert.Equal("<p># Not a headline</p>", _markdown.ToHtml("# Not a headline"));
    }
}
