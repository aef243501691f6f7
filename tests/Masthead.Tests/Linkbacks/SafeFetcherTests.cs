using System.Net;
using Masthead.Linkbacks;
using Microsoft.Extensions.Options;

namespace Masthead.Tests.Linkbacks;

public sealed class SafeFetcherTests(DiscoveryPages pages) : IClassFixture<DiscoveryPages>
{
    private SafeFetcher Fetcher(int timeoutSeconds = 10, bool allowPages = true) => new(new FixedOptions(new LinkbackOptions
    {
        TimeoutSeconds = timeoutSeconds,
        AllowedPrivateEndpoints = allowPages ? [$"127.0.0.1:{pages.BaseAddress.Port}"] : [],
    }));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Discover_WebmentionRocksCase_FindsTheAdvertisedEndpoint(int number, string expected)
    {
        using var fetcher = Fetcher();
        var path = number == 23 ? "/test/23/page" : $"/test/{number}";

        var page = await fetcher.FetchAsync(new Uri(pages.BaseAddress, path), CancellationToken.None);
        var endpoints = EndpointDiscovery.Discover(page);

        Assert.True(page.Succeeded, page.Problem);
        Assert.Equal(new Uri(pages.BaseAddress, expected), endpoints.Webmention);
    }

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var (number, expected) in DiscoveryPages.Cases)
        {
            data.Add(number, expected);
        }

        return data;
    }

    [Fact]
    public async Task Fetch_LoopbackNotAllowed_RefusedWithoutAnswer()
    {
        using var fetcher = Fetcher(allowPages: false);

        var result = await fetcher.FetchAsync(new Uri(pages.BaseAddress, "/test/3"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("not a public address", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("http://[::1]:1/")]
    public async Task Fetch_RedirectToAPrivateAddress_Refused(string target)
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new Uri(pages.BaseAddress, "/redirect?to=" + Uri.EscapeDataString(target)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("not a public address", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_SourceThatNeverFinishes_GivesUpAtTheTimeLimit()
    {
        using var fetcher = Fetcher(timeoutSeconds: 1);

        var result = await fetcher.FetchAsync(new Uri(pages.BaseAddress, "/slow"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("within 1 s", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_PageLargerThanTheCap_NotRead()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new Uri(pages.BaseAddress, "/huge"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("larger than", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_NotHttp_Refused()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new Uri("ftp://example.com/file"), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("ff02::1", false)]
    public void IsPublic_Address_OnlyThePublicInternet(string address, bool expected) =>
        Assert.Equal(expected, NetworkAddresses.IsPublic(IPAddress.Parse(address)));

    private sealed class FixedOptions(LinkbackOptions value) : IOptionsMonitor<LinkbackOptions>
    {
        public LinkbackOptions CurrentValue => value;

        public LinkbackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<LinkbackOptions, string?> listener) => null;
    }
}
