using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class TextNormalizerTests
{
    private static string[] Words(string text) => TextNormalizer.Tokenize(text).Select(t => t.Value).ToArray();

    [Theory]
    [InlineData("k\u0456ll them", "kill")]          // Cyrillic і inside a Latin word
    [InlineData("k1ll them", "kill")]
    [InlineData("k i l l them", "kill")]
    [InlineData("k.i.l.l them", "kill")]
    [InlineData("ki\u200Bll them", "kill")]          // zero-width space
    [InlineData("kiiiiill them", "kill")]
    [InlineData("ＫＩＬＬ them", "kill")]            // full-width
    [InlineData("𝐤𝐢𝐥𝐥 them", "kill")]                // mathematical bold
    [InlineData("kíll them", "kill")]
    [InlineData("a$$hole", "asshole")]
    public void Tokenize_Disguises_FoldToThePlainWord(string text, string first) => Assert.Equal(first, Words(text)[0]);

    [Fact]
    public void Tokenize_LatinLookAlikesInACyrillicWord_FoldToCyrillic()
    {
        Assert.Equal("вбити", Words("вбuтu")[0]);
    }

    [Fact]
    public void Tokenize_SpansPointAtTheOriginalText()
    {
        const string text = "Well, k i l l them";

        var token = TextNormalizer.Tokenize(text).Single(t => t.Value == "kill");

        Assert.Equal("k i l l", text.Substring(token.Start, token.Length));
    }

    [Fact]
    public void Tokenize_NumbersAlone_StayNumbers()
    {
        Assert.Equal(["2024", "f", "16"], Words("2024 F-16"));
    }

    [Fact]
    public void Tokenize_SpacedLettersWithWiderGapsBetweenWords_KeepsTheWords()
    {
        Assert.Equal(["the", "hostages", "are", "next"], Words("t h e   h o s t a g e s   a r e   n e x t"));
    }
}
