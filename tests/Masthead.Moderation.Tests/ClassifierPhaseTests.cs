using Masthead.Moderation.Learning;
using Masthead.Moderation.Phases;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class ClassifierPhaseTests
{
    private const string Analysis = "The sanctions package is weaker than announced and the article explains why. " +
        "Exemptions for fertiliser and aluminium were added at the last minute. " +
        "The shadow fleet still sails past the straits every week. " +
        "The next package will need the votes of the same three governments. ";

    /// <summary>A model that has learned one invented word, "zorblaxians", only from hateful lines.</summary>
    private static readonly TextClassifier Model = Train();

    private static TextClassifier Train()
    {
        var examples = new List<(int[], IReadOnlySet<Category>)>();
        for (var i = 0; i < 30; i++)
        {
            examples.Add((Features.Extract(TextNormalizer.Tokenize($"zorblaxians are zorblaxians number {i}")), new HashSet<Category> { Category.Hate }));
            examples.Add((Features.Extract(TextNormalizer.Tokenize(Analysis.Split('.')[i % 4] + $" note {i}")), new HashSet<Category>()));
        }

        var classifier = new TextClassifier(Category.Hate);
        classifier.Train(examples, epochs: 8);
        return classifier;
    }

    private static double HateScore(string text)
    {
        var context = new PhaseContext(new CommentInput(text), TextNormalizer.Tokenize(text), [], new ModerationOptions());
        new ClassifierPhase(Model).Run(context);
        return context.Signals.Where(s => s.Category == Category.Hate).Select(s => s.Score).DefaultIfEmpty(0).Max();
    }

    [Fact]
    public void Run_SentenceSureAloneButNoHintInTheWhole_NotRaised()
    {
        var sentence = "Zorblaxians are zorblaxians and zorblaxians.";
        Assert.True(HateScore(sentence) >= 0.9);

        Assert.True(HateScore(Analysis + sentence) < 0.45);
    }

    [Fact]
    public void Run_SentenceSureAloneWithADehumanisingWord_Raised()
    {
        Assert.True(HateScore(Analysis + "Zorblaxians are zorblaxians, rats and zorblaxians.") >= 0.9);
    }
}
