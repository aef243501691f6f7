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

        var probabilities = classifier.Predict(Features.Extract(context.Tokens));

        // One hateful sentence in a long, otherwise reasonable comment is still hateful: each
        // sentence is also read alone, so the rest of the comment cannot dilute it.
        foreach (var sentence in Sentences(context.Input.Text, context.Tokens))
        {
            var alone = classifier.Predict(Features.Extract(sentence));
            for (var c = 0; c < probabilities.Length; c++)
            {
                probabilities[c] = Math.Max(probabilities[c], alone[c] >= SentenceCertainty ? alone[c] : 0);
            }
        }
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

    /// <summary>Words this short say too little alone to be judged without their neighbours.</summary>
    private const int MinSentenceWords = 4;

    private const int MaxSentences = 20;

    /// <summary>
    /// How sure the model must be of a sentence read alone for it to count: a sentence out of its
    /// comment loses the context that makes "hit the bridge again" analysis rather than incitement,
    /// so only a near-certain reading overrides the reading of the whole.
    /// </summary>
    private const double SentenceCertainty = 0.9;

    /// <summary>The comment's sentences, as runs of tokens split where the original text has ".", "!", "?", ";" or a line break between words; none if it has only one.</summary>
    internal static List<List<Token>> Sentences(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<List<Token>>();
        var current = new List<Token>();
        for (var i = 0; i < tokens.Count; i++)
        {
            current.Add(tokens[i]);
            var end = tokens[i].Start + tokens[i].Length;
            var next = i + 1 < tokens.Count ? tokens[i + 1].Start : text.Length;
            if (i == tokens.Count - 1 || text.AsSpan(end, Math.Max(0, Math.Min(next, text.Length) - end)).IndexOfAny(".!?;\n") >= 0)
            {
                if (current.Count >= MinSentenceWords)
                {
                    sentences.Add(current);
                }

                current = [];
            }
        }

        return sentences.Count > 1 ? sentences.Take(MaxSentences).ToList() : [];
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
