using Deque.AxeCore.Playwright;

namespace Masthead.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("home")]
    [InlineData("article")]
    [InlineData("author")]
    public async Task Page_HasNoSeriousOrCriticalAxeViolations(string which)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        if (which == "article")
        {
            await page.Locator(".article-card h2 a").First.ClickAsync();
            await page.WaitForSelectorAsync("#comments");
        }
        else if (which == "author")
        {
            await page.Locator(".article-card .meta a[href^='/authors/']").First.ClickAsync();
            await page.WaitForSelectorAsync(".author-header");
        }

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
