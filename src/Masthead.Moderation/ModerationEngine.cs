using System.Reflection;
using System.Text.Json;
using Masthead.Moderation.Learning;
using Masthead.Moderation.Phases;
using Masthead.Moderation.Text;

namespace Masthead.Moderation;

/// <summary>One labelled comment: the training set's lines and moderators' decisions alike.</summary>
public sealed record LabeledComment(string Id, string Text, string? Author, string? Url, string Label);

/// <summary>
/// The moderation engine: normalizes a comment once, runs each enabled phase over it, and lets
/// <see cref="ModerationPolicy"/> decide. It learns from moderators through <see cref="Learn"/>.
/// Runs entirely on this machine; nothing is sent anywhere.
/// </summary>
public sealed class ModerationEngine
{
    private static readonly Category[] ClassifierCategories = [Category.Insult, Category.Hate, Category.Threat, Category.Spam];

    private readonly TextClassifier _classifier;
    private readonly BayesSpamFilter _spamFilter;
    private readonly RecentComments _recent;
    private readonly TimeProvider _clock;
    private readonly ApprovedPatterns _approvedPatterns = new();

    /// <summary>The options and the phases built from them, swapped as one when an editor changes the settings.</summary>
    private sealed record Setup(ModerationOptions Options, IReadOnlyList<IModerationPhase> Phases);

    private Setup _setup;

    public ModerationEngine(ModerationOptions options, WordList lists, TextClassifier classifier, BayesSpamFilter spamFilter, RecentComments recent, TimeProvider clock)
    {
        _classifier = classifier;
        _spamFilter = spamFilter;
        _recent = recent;
        _clock = clock;
        _setup = Build(options, lists);
    }

    public ModerationOptions Options => Volatile.Read(ref _setup).Options;

    /// <summary>
    /// Takes new options (thresholds, switches, extra list entries) without forgetting anything
    /// learned: the classifier, the spam filter and the recent comments carry over.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the engine keeps its current ones.</exception>
    public void Reconfigure(ModerationOptions options) =>
        Volatile.Write(ref _setup, Build(options, new WordList(BuiltInListLines().Concat(options.ExtraListEntries))));

    /// <summary>
    /// Forgets the recent comments the repeat phase compares against, so the next comment is judged
    /// as if it were the first one seen: how <see cref="Evaluation"/> reads each labelled comment.
    /// </summary>
    internal void ForgetRecentComments() => _recent.Clear();

    private Setup Build(ModerationOptions options, WordList lists)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid moderation options: " + string.Join(" ", errors), nameof(options));
        }

        var phases = new List<IModerationPhase>();
        if (options.History)
        {
            phases.Add(new HistoryPhase());
        }

        if (options.WordLists)
        {
            phases.Add(new WordListPhase(lists));
        }

        if (options.Incitement)
        {
            phases.Add(new IncitementPhase(_approvedPatterns));
        }

        if (options.Intimidation)
        {
            phases.Add(new IntimidationPhase(_approvedPatterns));
        }

        if (options.Dehumanization)
        {
            phases.Add(new DehumanizationPhase(_approvedPatterns));
        }

        if (options.Links)
        {
            phases.Add(new LinkPhase());
        }

        if (options.Repeats)
        {
            phases.Add(new RepeatPhase(_recent, _clock));
        }

        if (options.Classifier)
        {
            phases.Add(new ClassifierPhase(_classifier));
        }

        if (options.SpamFilter)
        {
            phases.Add(new SpamFilterPhase(_spamFilter));
        }

        return new Setup(options, phases);
    }

    /// <summary>The engine with the built-in word lists, trained on the shipped examples.</summary>
    public static ModerationEngine CreateDefault(ModerationOptions? options = null, TimeProvider? clock = null)
    {
        options ??= new ModerationOptions();
        var lists = new WordList(BuiltInListLines().Concat(options.ExtraListEntries));
        var shipped = ShippedModels();
        return new ModerationEngine(options, lists, shipped.Classifier.Clone(), shipped.Spam.Clone(), new RecentComments(), clock ?? TimeProvider.System);
    }

    /// <summary>An engine whose models learned from <paramref name="examples"/> alone, not the shipped ones.</summary>
    public static ModerationEngine TrainedOn(IEnumerable<LabeledComment> examples, ModerationOptions options, WordList lists, TimeProvider? clock = null)
    {
        var models = TrainModels(examples);
        return new ModerationEngine(options, lists, models.Classifier, models.Spam, new RecentComments(), clock ?? TimeProvider.System);
    }

    private sealed record TrainedModels(TextClassifier Classifier, BayesSpamFilter Spam);

    private static TrainedModels TrainModels(IEnumerable<LabeledComment> examples)
    {
        var models = new TrainedModels(new TextClassifier(ClassifierCategories), new BayesSpamFilter());
        Train(models.Classifier, models.Spam, examples);
        return models;
    }

    private static readonly Lock ShippedGate = new();
    private static WeakReference<TrainedModels>? s_shipped;

    /// <summary>
    /// The models trained on the shipped examples, which takes seconds. Each engine gets its own copy
    /// to learn on; the trained original is held weakly, so a process that builds several engines
    /// in a row (the tests) mostly trains once, and a server that builds one lets it go. Should a
    /// full collection take it in between, the next engine trains again, to the same weights.
    /// </summary>
    private static TrainedModels ShippedModels()
    {
        lock (ShippedGate)
        {
            if (s_shipped is not null && s_shipped.TryGetTarget(out var cached))
            {
                return cached;
            }

            var trained = TrainModels(LoadTrainingSet());
            s_shipped = new WeakReference<TrainedModels>(trained);
            return trained;
        }
    }

    public static void Train(TextClassifier classifier, BayesSpamFilter spam, IEnumerable<LabeledComment> examples)
    {
        var prepared = new List<(int[], IReadOnlySet<Category>)>();
        foreach (var e in examples)
        {
            if (!TryReadLabel(e.Label, out var category))
            {
                continue;
            }

            var input = new CommentInput(e.Text, e.Author, AuthorUrl: e.Url);
            var tokens = TextNormalizer.Tokenize(e.Text);
            prepared.Add((Features.Extract(Quotes.Of(e.Text, tokens).Unquoted(tokens)), category is { } c ? new HashSet<Category> { c } : new HashSet<Category>()));
            spam.Learn(SpamFilterPhase.TokensOf(input, tokens, LinkFinder.Find(e.Text)), category == Category.Spam);
        }

        classifier.Train(prepared, epochs: 8, models: 3);
    }

    /// <summary>
    /// Judges one comment. Never throws for anything a reader can send: a failing phase holds the
    /// comment for a person and says so.
    /// </summary>
    public ModerationResult Moderate(CommentInput input)
    {
        var setup = Volatile.Read(ref _setup);
        var text = input.Text ?? "";
        var tokens = TextNormalizer.Tokenize(text);
        var context = new PhaseContext(input with { Text = text }, tokens, LinkFinder.Find(text), setup.Options);
        if (tokens.Count == 0 && text.Trim().Length > 0)
        {
            context.Signals.Add(Signal.Of("normalization", Category.Spam, 0.3, "No words in the text."));
        }

        foreach (var phase in setup.Phases)
        {
            try
            {
                phase.Run(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Directives.Add(new Directive(phase.Name, ModerationAction.Hold, $"The {phase.Name} check failed ({e.GetType().Name}); held for a person."));
            }
        }

        return ModerationPolicy.Decide(context.Signals, context.Directives, context.History, setup.Options);
    }

    /// <summary>
    /// Counts a moderator's approval for, or a rejection against, the patterns the rule phases flag
    /// in the comment. Like judging, it never throws for a reader's text: a phase that fails here
    /// leaves its patterns as they were.
    /// </summary>
    private void LearnPatterns(PhaseContext context, ModerationAction decision)
    {
        foreach (var phase in Volatile.Read(ref _setup).Phases.OfType<IPatternPhase>())
        {
            string? pattern;
            try
            {
                pattern = phase.PatternOf(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue;
            }

            if (pattern is null)
            {
                continue;
            }

            if (decision == ModerationAction.Approve)
            {
                _approvedPatterns.Approved(phase.Name, pattern, context.Input.Text);
            }
            else
            {
                _approvedPatterns.Rejected(phase.Name, pattern);
            }
        }
    }

    /// <summary>
    /// Learns from a moderator's decision so that the next similar comment is handled the same way.
    /// <paramref name="category"/> says what a rejected comment was (insult, hate, threat).
    /// </summary>
    public void Learn(CommentInput input, ModerationAction decision, Category? category = null)
    {
        input = input with { Text = input.Text ?? "" };
        var tokens = TextNormalizer.Tokenize(input.Text);
        var links = LinkFinder.Find(input.Text);
        var context = new PhaseContext(input, tokens, links, Options);
        var features = Features.Extract(context.Quotes.Unquoted(tokens));
        var spamTokens = SpamFilterPhase.TokensOf(input, tokens, links).ToList();
        LearnPatterns(context, decision);
        switch (decision)
        {
            case ModerationAction.Approve:
                _spamFilter.Learn(spamTokens, spam: false);
                LearnRepeatedly(features, []);
                break;
            case ModerationAction.Spam:
                _spamFilter.Learn(spamTokens, spam: true);
                LearnRepeatedly(features, [Category.Spam]);
                break;
            case ModerationAction.Reject:
                var what = category ?? StrongestOf(features);
                LearnRepeatedly(features, [what]);
                break;
        }
    }

    /// <summary>A decision weighs more than one shipped example: moderators correct the model where it was wrong.</summary>
    private void LearnRepeatedly(int[] features, HashSet<Category> positives)
    {
        for (var i = 0; i < 3; i++)
        {
            _classifier.Learn(features, positives, weight: 2);
        }
    }

    private Category StrongestOf(int[] features)
    {
        var p = _classifier.Predict(features);
        var best = 0;
        for (var i = 1; i < ClassifierCategories.Length - 1; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return ClassifierCategories[best];
    }

    /// <summary>"ok" is a clean example (no category); borderline and unknown labels are not trained on.</summary>
    private static bool TryReadLabel(string label, out Category? category)
    {
        category = label switch
        {
            "spam" => Category.Spam,
            "insult" => Category.Insult,
            "hate" => Category.Hate,
            "threat" => Category.Threat,
            _ => null,
        };
        return category is not null || label == "ok";
    }

    public static IEnumerable<string> BuiltInListLines() => ResourceLines("Lists.");

    public static IReadOnlyList<LabeledComment> LoadTrainingSet() =>
        ResourceLines("Training.").Select(ParseLine).OfType<LabeledComment>().ToList();

    public static LabeledComment? ParseLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Each line must be a JSON object.");
        }

        string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new LabeledComment(Get("id") ?? "", Get("text") ?? "", Get("author"), Get("url"), Get("label") ?? "");
    }

    /// <summary>The lines of the embedded files whose names start with <paramref name="prefix"/>, in name order.</summary>
    internal static IEnumerable<string> ResourceLines(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }
}
