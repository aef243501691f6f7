using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class WordClassesTests
{
    [Theory]
    [InlineData("sarin", "@mass-weapon")]
    [InlineData("executed", "@killing")]
    [InlineData("tehran", "@place")]
    [InlineData("киеву", "@place")]
    [InlineData("харкова", "@place")]
    [InlineData("тараканы", "@vermin")]
    [InlineData("palestinians", "@people")]
    public void Of_KnownWordOrInflection_GivesItsClass(string word, string expected)
    {
        Assert.Contains(expected, WordClasses.Of(word));
    }

    [Theory]
    [InlineData("level")]
    [InlineData("повесть")]
    [InlineData("оркестр")]
    [InlineData("газета")]
    [InlineData("analysis")]
    public void Of_WordWithAHarmlessSense_NoClass(string word)
    {
        Assert.Empty(WordClasses.Of(word));
    }

    [Fact]
    public void Of_WordInTwoClasses_GivesBoth()
    {
        var classes = WordClasses.Of("nuke");

        Assert.Contains("@mass-weapon", classes);
        Assert.Contains("@destroying", classes);
    }

    [Fact]
    public void Extract_WeaponsNamedDifferently_ShareTheClassPairWithThePlace()
    {
        var sarin = Features.Extract(TextNormalizer.Tokenize("use sarin on tehran"));
        var chlorine = Features.Extract(TextNormalizer.Tokenize("use chlorine on kyiv"));

        // Different words, yet the two comments share more than their function words.
        var shared = sarin.Intersect(chlorine).Count();
        var sharedWithoutClasses = Features.Extract(TextNormalizer.Tokenize("use on")).Length;
        Assert.True(shared > sharedWithoutClasses, $"shared {shared}, function words alone {sharedWithoutClasses}");
    }
}
