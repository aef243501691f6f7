using Masthead.Moderation.Learning;
using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>The learned model's view of insults, hate and threats, with the words that weighed most.</summary>
public sealed class ClassifierPhase(TextClassifier classifier) : IModerationPhase
{
    public string Name => "classifier";

    public void Run(PhaseContext context)
    {
        if (context.Tokens.Count == 0)
        {
            return;
        }

        var features = Features.Extract(context.Tokens);
        var probabilities = classifier.Predict(features);
        for (var c = 0; c < classifier.Categories.Count; c++)
        {
            var category = classifier.Categories[c];
            if (category == Category.Spam || probabilities[c] < 0.2)
            {
                continue;
            }

            var spans = StrongestWords(context.Tokens, category);
            context.Signals.Add(new Signal(Name, category, probabilities[c],
                $"Reads like {Describe(category)} ({probabilities[c]:0.00}).", spans));
        }
    }

    private List<TextSpan> StrongestWords(IReadOnlyList<Token> tokens, Category category) =>
        tokens
            .Select(t => (Token: t, Weight: Features.Extract([t]).Sum(f => classifier.Weight(category, f))))
            .Where(x => x.Weight > 0.5)
            .OrderByDescending(x => x.Weight)
            .Take(3)
            .OrderBy(x => x.Token.Start)
            .Select(x => new TextSpan(x.Token.Start, x.Token.Length))
            .ToList();

    private static string Describe(Category category) => category switch
    {
        Category.Threat => "a threat or a call to violence",
        Category.Hate => "hate against a people or faith",
        Category.Insult => "a personal attack",
        _ => category.ToString().ToLowerInvariant(),
    };
}
