using Deque.AxeCore.Playwright;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ModerationQueueBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Queue_ModeratorClearsFiveWithTheKeyboardAlone_ApprovedOnesPublished()
    {
        var server = fixture.Server;
        var slug = await server.ArticleAsync();
        var texts = new[]
        {
            "Keyboard one: the convoy schedule changed on Tuesday.",
            "Keyboard two: insurers raised premiums again.",
            "Keyboard three: this one gets rejected.",
            "Keyboard four: this one is spam.",
            "Keyboard five: the port reopened at dawn.",
        };
        foreach (var text in texts)
        {
            await server.HeldCommentAsync(slug, text);
        }

        var email = await server.UserAsync(StaffRoles.Moderator);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/newsroom/moderation?article={slug}&order=oldest");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Staff.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/newsroom/moderation**");
        var items = page.Locator(".nr-item");
        await Assertions.Expect(items).ToHaveCountAsync(5);

        await page.Keyboard.PressAsync("j");
        var remaining = 5;
        foreach (var key in new[] { "a", "a", "r", "s", "a" })
        {
            await page.Keyboard.PressAsync(key);
            await Assertions.Expect(items).ToHaveCountAsync(--remaining);
        }

        var statuses = await server.DbAsync(db => db.Comments.Where(c => c.Article.Slug == slug)
            .OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        Assert.Equal([CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Rejected, CommentStatus.Spam, CommentStatus.Approved], statuses);
        var article = await fixture.NewPageAsync();
        await article.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(article.Locator("li.comment")).ToHaveCountAsync(3);
        await Assertions.Expect(article.Locator("#comments")).ToContainTextAsync("the port reopened at dawn");
    }

    [Theory]
    [InlineData("/newsroom/signin", StaffRoles.Editor)]
    [InlineData("/newsroom/moderation", StaffRoles.Editor)]
    [InlineData("/newsroom", StaffRoles.Editor)]
    [InlineData("/newsroom/articles", StaffRoles.Editor)]
    [InlineData("/newsroom/articles/new", StaffRoles.Editor)]
    [InlineData("/newsroom/authors/new", StaffRoles.Editor)]
    [InlineData("/newsroom/settings/discussion", StaffRoles.Admin)]
    [InlineData("/newsroom/users", StaffRoles.Admin)]
    public async Task NewsroomPage_HasNoSeriousOrCriticalAxeViolations(string path, string role)
    {
        var page = await fixture.NewPageAsync();
        if (path != "/newsroom/signin")
        {
            var email = await fixture.Server.UserAsync(role);
            await page.GotoAsync("/newsroom/signin");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", Staff.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/newsroom");
        }

        await page.GotoAsync(path);
        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
