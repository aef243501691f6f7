using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Tests;

public sealed class TextClassifierTests
{
    private static List<(int[] Features, IReadOnlySet<Category> Positives)> Examples() =>
    [
        (Features.Extract(TextNormalizer.Tokenize("you are a clueless idiot")), new HashSet<Category> { Category.Insult }),
        (Features.Extract(TextNormalizer.Tokenize("thanks for the careful reporting")), new HashSet<Category>()),
        (Features.Extract(TextNormalizer.Tokenize("what a moron, go away")), new HashSet<Category> { Category.Insult }),
        (Features.Extract(TextNormalizer.Tokenize("the map of the front line helps")), new HashSet<Category>()),
    ];

    [Fact]
    public void Train_SeveralModels_KeepsTheAverageOfTheirWeights()
    {
        var first = new TextClassifier(Category.Insult);
        first.Train(Examples(), epochs: 3, seed: 17);
        var second = new TextClassifier(Category.Insult);
        second.Train(Examples(), epochs: 3, seed: 18);
        var averaged = new TextClassifier(Category.Insult);

        averaged.Train(Examples(), epochs: 3, seed: 17, models: 2);

        foreach (var feature in Examples().SelectMany(e => e.Features).Distinct())
        {
            var expected = (first.Weight(Category.Insult, feature) + second.Weight(Category.Insult, feature)) / 2;
            Assert.Equal(expected, averaged.Weight(Category.Insult, feature), 5);
        }
    }

    [Fact]
    public void Clone_CopyLearnsOn_OriginalUnchanged()
    {
        var original = new TextClassifier(Category.Insult);
        original.Train(Examples(), epochs: 3);
        var copy = original.Clone();
        var text = Features.Extract(TextNormalizer.Tokenize("the map of the front line helps"));
        var before = original.Predict(text)[0];

        for (var i = 0; i < 20; i++)
        {
            copy.Learn(text, new HashSet<Category> { Category.Insult });
        }

        Assert.Equal(before, original.Predict(text)[0]);
        Assert.True(copy.Predict(text)[0] > before + 0.2, "the copy did not learn");
    }

    [Fact]
    public void Weight_CategoryItDoesNotJudge_Refused()
    {
        var classifier = new TextClassifier(Category.Insult);

        Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Weight(Category.Threat, 1));
    }

    [Fact]
    public void Train_NoModels_Refused()
    {
        var classifier = new TextClassifier(Category.Insult);

        Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Train(Examples(), epochs: 1, models: 0));
    }
}
