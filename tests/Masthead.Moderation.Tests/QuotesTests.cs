using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class QuotesTests
{
    private static string Unquoted(string text)
    {
        var tokens = TextNormalizer.Tokenize(text);
        return string.Join(' ', Quotes.Of(text, tokens).Unquoted(tokens).Select(t => t.Value));
    }

    [Theory]
    [InlineData("He wrote \"kill them all\" under the piece.", "he wrote under the piece")]
    [InlineData("Calling them «орки» is the problem.", "calling them is the problem")]
    [InlineData("The 'nuke them' crowd never enlists.", "the crowd never enlists")]
    [InlineData("Don't say you weren't warned, it's Russia's call.", "don t say you weren t warned it s russia s call")]
    [InlineData("Forget \"peace talks\". Nuke Moscow, \"problem solved\".", "forget nuke moscow")]
    [InlineData("Nuke 'em all, the Russians' homes too.", "nuke em all the russians homes too")]
    public void Unquoted_QuotedWords_LeftOut(string text, string expected)
    {
        Assert.Equal(expected, Unquoted(text));
    }

    [Theory]
    [InlineData("“Gas them all.”")]
    [InlineData("'Burn it down' lol")]
    public void Unquoted_WholeCommentInQuotes_ReadAsTheCommentersOwn(string text)
    {
        Assert.Equal(string.Join(' ', TextNormalizer.Tokenize(text).Select(t => t.Value)), Unquoted(text));
    }

    [Fact]
    public void Of_HugeTextWithStrayMarks_Linear()
    {
        var text = string.Concat(Enumerable.Repeat("«ab \" it's ", 100_000));
        var tokens = TextNormalizer.Tokenize(text);

        var quotes = Quotes.Of(text, tokens);

        Assert.NotNull(quotes.Unquoted(tokens));
    }
}
