using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class QuotesTests
{
    [Theory]
    [InlineData("He wrote \"kill them all\" under the piece.", "he wrote under the piece")]
    [InlineData("Calling them «орки» is the problem.", "calling them is the problem")]
    [InlineData("The 'nuke them' crowd never enlists.", "the crowd never enlists")]
    [InlineData("Don't say you weren't warned, it's Russia's call.", "don t say you weren t warned it s russia s call")]
    public void Unquoted_QuotedWords_LeftOut(string text, string expected)
    {
        var kept = Quotes.Unquoted(text, TextNormalizer.Tokenize(text));

        Assert.Equal(expected, string.Join(' ', kept.Select(t => t.Value)));
    }
}
