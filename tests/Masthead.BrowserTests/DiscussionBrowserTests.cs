using Microsoft.Playwright;

namespace Masthead.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DiscussionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DemoArticle_PostComment_AppearsInPlaceAwaitingModeration()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".article-card h2 a").First.ClickAsync();
        await page.WaitForSelectorAsync("#comment-form");
        var url = page.Url;

        await page.FillAsync("#comment-body", "Posted from a real browser, *in place*.");
        await page.FillAsync("#comment-name", "Browser Reader");
        await page.FillAsync("#comment-email", "browser.reader@example.com");
        await page.ClickAsync("#comment-form button[type=submit]");

        var mine = page.Locator("li.comment.awaiting", new() { HasText = "Posted from a real browser" });
        await Assertions.Expect(mine).ToBeVisibleAsync();
        await Assertions.Expect(mine.Locator(".awaiting-note")).ToContainTextAsync("awaiting moderation");
        await Assertions.Expect(mine.Locator("em")).ToHaveTextAsync("in place");
        Assert.Equal(url, page.Url); // no navigation: the discussion was swapped in place
    }

    [Fact]
    public async Task DemoArticle_ReplyToComment_FormOpensUnderItAndReplyIsNested()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".article-card h2 a").First.ClickAsync();
        var parent = page.Locator("ol.comment-list > li.comment").First;
        var parentId = await parent.GetAttributeAsync("id");

        await parent.Locator("a.reply").First.ClickAsync();
        await Assertions.Expect(parent.Locator("#comment-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reply-title")).ToContainTextAsync("Reply to");
        await page.FillAsync("#comment-body", "A reply written in the browser.");
        await page.FillAsync("#comment-name", "Replying Reader");
        await page.FillAsync("#comment-email", "replying.reader@example.com");
        await page.ClickAsync("#comment-form button[type=submit]");

        var reply = page.Locator($"#{parentId} ol.children li.comment.awaiting", new() { HasText = "A reply written in the browser." });
        await Assertions.Expect(reply).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DemoArticle_WithoutJavaScript_CommentStillPostsAndShowsPending()
    {
        var page = await fixture.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");
        await page.Locator(".article-card h2 a").First.ClickAsync();

        await page.FillAsync("#comment-body", "No scripts were harmed.");
        await page.FillAsync("#comment-name", "Plain Reader");
        await page.FillAsync("#comment-email", "plain.reader@example.com");
        await page.ClickAsync("#comment-form button[type=submit]");

        var mine = page.Locator("li.comment.awaiting", new() { HasText = "No scripts were harmed." });
        await Assertions.Expect(mine).ToBeVisibleAsync();
        Assert.Contains("#comment-", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoArticle_InvalidComment_ErrorsShownAndTextKept()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".article-card h2 a").First.ClickAsync();

        await page.FillAsync("#comment-body", "Text that must survive.");
        await page.FillAsync("#comment-name", "No Email");
        await page.FillAsync("#comment-email", "not-an-email@");
        await page.EvaluateAsync("document.getElementById('comment-form').noValidate = true");
        await page.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comment-email-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comment-body")).ToHaveValueAsync("Text that must survive.");
    }
}
