using Masthead.Moderation.Learning;
using Masthead.Moderation.Phases;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class BayesSpamFilterTests
{
    private const string HardAdvert = "dear friend the notes from tuesday regards cheap pills kindly";

    private static string[] Words(string text) => text.Split(' ');

    // Ten clear letters and ten clear adverts, plus one advert written like a letter: seven of its
    // ten words come from the letters, three from the adverts.
    private static List<(IReadOnlyCollection<string> Tokens, bool Spam)> HardSet()
    {
        var set = new List<(IReadOnlyCollection<string>, bool)>();
        for (var i = 0; i < 10; i++)
        {
            set.Add((Words($"dear friend the meeting notes from tuesday are attached regards anna{i}"), false));
            set.Add((Words($"cheap pills discount order now click here winner{i}"), true));
        }

        set.Add((Words(HardAdvert), true));
        return set;
    }

    [Fact]
    public void Train_WithoutExtraPasses_LetterLikeAdvertTakenForHam()
    {
        var filter = new BayesSpamFilter(strength: 0.1, minDeviation: 0.1);

        filter.Train(HardSet());

        var probability = filter.Classify(Words(HardAdvert)).Probability;
        Assert.True(probability < 0.5, $"probability {probability}");
    }

    [Fact]
    public void Train_ExtraPasses_HardExampleLearnedWithoutLosingTheLetters()
    {
        var filter = new BayesSpamFilter(strength: 0.1, minDeviation: 0.1);

        filter.Train(HardSet(), extraPasses: 10, margin: 0.45);

        var hard = filter.Classify(Words(HardAdvert)).Probability;
        var letter = filter.Classify(Words("dear friend the meeting notes from tuesday are attached regards anna3")).Probability;
        Assert.True(hard >= 0.5, $"hard example {hard}");
        Assert.True(letter < 0.5, $"plain letter {letter}");
    }

    [Fact]
    public void Clone_CopyLearnsOn_OriginalUnchanged()
    {
        var original = new BayesSpamFilter();
        original.Train(HardSet());
        var copy = original.Clone();
        var before = original.Classify(Words(HardAdvert)).Probability;

        for (var i = 0; i < 10; i++)
        {
            copy.Learn(Words(HardAdvert), spam: false);
        }

        Assert.Equal(before, original.Classify(Words(HardAdvert)).Probability);
        Assert.True(copy.Classify(Words(HardAdvert)).Probability < before, "the copy did not learn");
    }

    [Fact]
    public void Train_NegativePasses_Refused()
    {
        var filter = new BayesSpamFilter();

        Assert.Throws<ArgumentOutOfRangeException>(() => filter.Train(HardSet(), extraPasses: -1));
    }

    [Fact]
    public void Classify_NothingLearned_Unsure()
    {
        var filter = new BayesSpamFilter();

        var (probability, clues) = filter.Classify(Words("anything at all"));

        Assert.Equal(0.5, probability);
        Assert.Empty(clues);
    }

    [Theory]
    [InlineData(false, "has-website")]
    [InlineData(true, "linkback")]
    public void TokensOf_SourcePageOfALinkback_NotTakenForACommentersWebsite(bool linkback, string expected)
    {
        const string text = "Shipping insurers return\n\nThe Courier counted the idle cranes last week.";

        var tokens = SpamFilterPhase.TokensOf(new CommentInput(text, "North Gazette", AuthorUrl: "https://north.example/articles/insurers", Linkback: linkback), TextNormalizer.Tokenize(text), LinkFinder.Find(text)).ToList();

        Assert.Contains(expected, tokens);
        Assert.DoesNotContain(linkback ? "has-website" : "linkback", tokens);
    }

    [Fact]
    public void TokensOf_PriceAndPercentage_TokensOfTheirOwn()
    {
        const string text = "Made $455,000 this week, up 342% and $1.10 a share";

        var tokens = SpamFilterPhase.TokensOf(new CommentInput(text), TextNormalizer.Tokenize(text), LinkFinder.Find(text)).ToList();

        Assert.Contains("money:3digits", tokens);
        Assert.Contains("money:1digits", tokens);
        Assert.Contains("percent", tokens);
    }

    [Fact]
    public void TokensOf_DollarAtTheVeryEnd_NoToken()
    {
        const string text = "it costs 5$";

        var tokens = SpamFilterPhase.TokensOf(new CommentInput(text), TextNormalizer.Tokenize(text), LinkFinder.Find(text)).ToList();

        Assert.DoesNotContain(tokens, t => t.StartsWith("money:", StringComparison.Ordinal));
        Assert.DoesNotContain("percent", tokens);
    }
}
