using Masthead.Articles;

namespace Masthead.Tests.Articles;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Kyiv’s Grain: What Comes Next?", "kyiv-s-grain-what-comes-next")]
    [InlineData("  Crème brûlée & Ça va  ", "creme-brulee-ca-va")]
    [InlineData("Black Sea", "black-sea")]
    public void From_Title_MakesACleanSlug(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Theory]
    [InlineData("ok-slug", true)]
    [InlineData("Not-Lower", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("../etc/passwd", false)]
    [InlineData("", false)]
    public void IsValid_ChecksTheShape(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));
}
