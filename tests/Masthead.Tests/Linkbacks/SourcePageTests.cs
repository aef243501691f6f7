using Masthead.Linkbacks;

namespace Masthead.Tests.Linkbacks;

public sealed class SourcePageTests
{
    private static readonly Uri Target = new("https://news.example/articles/grain-corridor");

    [Fact]
    public void Read_TitleEndsWithSiteNameAndNoMetadata_SplitIntoTitleAndSite()
    {
        var summary = SourcePage.Read(Page("<title>Bread prices after the corridor – Harbour Desk</title>"), Target)!;

        Assert.Equal(("Bread prices after the corridor", "Harbour Desk"), (summary.Title, summary.SiteName));
    }

    [Fact]
    public void Read_SiteNamedInMetadata_MetadataWinsAndTitleLosesTheSuffix()
    {
        var summary = SourcePage.Read(Page("<title>Bread prices | Harbour Desk</title><meta property=\"og:site_name\" content=\"Harbour Desk\">"), Target)!;

        Assert.Equal(("Bread prices", "Harbour Desk"), (summary.Title, summary.SiteName));
    }

    [Fact]
    public void Read_TitleWithoutSeparator_SiteIsTheHost()
    {
        var summary = SourcePage.Read(Page("<title>Bread prices</title>"), Target)!;

        Assert.Equal(("Bread prices", "blog.example"), (summary.Title, summary.SiteName));
    }

    [Fact]
    public void Read_NoLinkToTarget_Null()
    {
        var page = new FetchResult(200, new Uri("https://blog.example/post"), new Dictionary<string, string[]>(), "<p><a href=\"https://news.example/articles/other\">x</a></p>", "text/html", null);

        Assert.Null(SourcePage.Read(page, Target));
    }

    private static FetchResult Page(string head) => new(200, new Uri("https://blog.example/post"), new Dictionary<string, string[]>(),
        $"<html><head>{head}</head><body><p>Prices fell, as <a href=\"{Target}\">the report</a> expected.</p></body></html>", "text/html", null);
}
