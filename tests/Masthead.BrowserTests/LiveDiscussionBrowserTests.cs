using System.Globalization;
using Masthead.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LiveDiscussionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TwoReaders_OnePostsAndEdits_TheOtherSeesItLiveAfterApproval()
    {
        var server = fixture.Server;
        var slug = await server.ArticleAsync(title: "Convoys and insurers");
        var watcher = await fixture.NewPageAsync();
        var poster = await fixture.NewPageAsync();
        await watcher.GotoAsync($"/articles/{slug}");
        await poster.GotoAsync($"/articles/{slug}");

        await poster.FillAsync("#comment-body", "Insurers moved faster than the navies did.");
        await poster.FillAsync("#comment-name", "Live Poster");
        await poster.FillAsync("#comment-email", "live.poster@example.com");
        await poster.ClickAsync("#comment-form button[type=submit]");
        var mine = poster.Locator("li.comment.awaiting", new() { HasText = "Insurers moved faster" });
        await Assertions.Expect(mine).ToBeVisibleAsync();
        var id = long.Parse((await mine.GetAttributeAsync("id"))!["comment-".Length..], CultureInfo.InvariantCulture);

        await mine.Locator("a.edit").ClickAsync();
        await poster.FillAsync("#edit-body", "Insurers moved faster than the navies did, by about a week.");
        await poster.ClickAsync("form.edit-form button[type=submit]");
        await Assertions.Expect(poster.Locator($"#comment-{id} .text")).ToContainTextAsync("by about a week");
        await Assertions.Expect(watcher.Locator($"#comment-{id}")).ToHaveCountAsync(0);

        await server.ApproveInTheQueueAsync(slug, id);

        var offer = watcher.Locator("button.new-comments");
        await Assertions.Expect(offer).ToHaveTextAsync("1 new comment: show it");
        await offer.ClickAsync();
        await Assertions.Expect(watcher.Locator($"#comment-{id} .text")).ToContainTextAsync("by about a week");
        await Assertions.Expect(watcher.Locator($"#comment-{id} .edited")).ToBeVisibleAsync();
        await Assertions.Expect(offer).ToBeHiddenAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class LongDiscussionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LongDiscussion_LoadMore_AppendsTheNextPageInPlace()
    {
        var server = fixture.Server;
        var slug = await server.ArticleAsync(title: "A long discussion");
        var start = DateTime.UtcNow.AddHours(-5);
        for (var i = 0; i < 60; i++)
        {
            await server.ApprovedCommentAsync(slug, $"Reader {i}", $"reader{i}@example.com", $"Remark number {i}.", at: start.AddMinutes(i));
        }

        server.InvalidatePages();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator(".comment-list > li.comment")).ToHaveCountAsync(50);

        await page.ClickAsync("button.load-more");

        await Assertions.Expect(page.Locator(".comment-list > li.comment")).ToHaveCountAsync(60);
        await Assertions.Expect(page.Locator(".comment-list > li.comment").Last).ToContainTextAsync("Remark number 59.");
        await Assertions.Expect(page.Locator("button.load-more")).ToHaveCountAsync(0);
        Assert.EndsWith($"/articles/{slug}", page.Url, StringComparison.Ordinal);
    }
}
