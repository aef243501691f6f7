namespace Masthead.Moderation.Tests;

public sealed class WordListTests
{
    private static readonly WordList List = new(["suspect insult idiot*", "banned threat gas the jews", "suspect hate хохл*", "suspect profanity cunt*"]);

    [Theory]
    [InlineData("I grew up in Scunthorpe.")]
    [InlineData("Idiomatic English is hard.")]
    [InlineData("The Essex town of Penistone.")]
    public void Find_InnocentWordsContainingAnEntry_NoMatch(string text)
    {
        var tokens = Text.TextNormalizer.Tokenize(text);

        Assert.Empty(List.Find(tokens));
    }

    [Theory]
    [InlineData("Reading these comments is depressing.")]
    [InlineData("Per DeepState, the village was retaken in August.")]
    [InlineData("Жидкое топливо для ракет давно не используют.")]
    [InlineData("The trolleybus depot in Kharkiv was hit.")]
    public void Find_BuiltInListsOnOrdinaryWords_NoMatchAimedAtAPerson(string text)
    {
        var builtIn = new WordList(ModerationEngine.BuiltInListLines());

        Assert.DoesNotContain(builtIn.Find(Text.TextNormalizer.Tokenize(text)), m => m.Entry.Category is Category.Insult or Category.Hate);
    }

    [Fact]
    public void Find_PrefixEntry_MatchesInflections()
    {
        var tokens = Text.TextNormalizer.Tokenize("опять эти хохлы");

        var (entry, span) = Assert.Single(List.Find(tokens));

        Assert.Equal(Category.Hate, entry.Category);
        Assert.Equal("хохлы", "опять эти хохлы".Substring(span.Start, span.Length));
    }

    [Fact]
    public void TryParseLine_BadLine_SaysWhy()
    {
        Assert.False(WordList.TryParseLine("maybe insult x", out _, out var error));
        Assert.NotNull(error);
    }
}
