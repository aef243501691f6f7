using Masthead.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

/// <summary>
/// One running site (SQLite, demo content) and one headless Chromium for all browser tests.
/// Chromium is Debian's, installed by the test command: Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    public SqliteServer Server { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Server).InitializeAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MASTHEAD_CHROMIUM") ?? DefaultChromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", // the suite runs as root in CI
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await ((IAsyncLifetime)Server).DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
        });
        // Generous: the suite shares two cores with the other test assemblies, and a page's first
        // visit compiles its views.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
