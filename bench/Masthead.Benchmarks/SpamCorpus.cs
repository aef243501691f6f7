using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Masthead.Moderation;
using Masthead.Moderation.Learning;
using Masthead.Moderation.Phases;
using Masthead.Moderation.Text;

namespace Masthead.Benchmarks;

/// <summary>
/// The engine's Bayesian filter on real mail: the SpamAssassin public corpus, split as
/// <c>../shared/tools/spam-peer/corpus.py</c> writes it. Each whole message, headers and body,
/// goes through the same tokens as a comment. Spam iff probability ≥ 0.5.
/// </summary>
public static class SpamCorpus
{
    private sealed record Message(string Id, string Label, string Text);

    public static int Run(string[] args)
    {
        if (args.Length == 2 && args[0] == "--cross-validate")
        {
            return CrossValidate(Read(args[1]));
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: spam-corpus TRAIN.jsonl TEST.jsonl | spam-corpus --cross-validate TRAIN.jsonl");
            return 2;
        }

        var train = Read(args[0]);
        var test = Read(args[1]);
        var trainClock = Stopwatch.StartNew();
        var filter = Trained(train.Select(m => ((IReadOnlyCollection<string>)TokensOf(m.Text).ToArray(), m.Label == "spam")).ToList());
        trainClock.Stop();

        // Training leaves a large heap behind; it is collected once here so that the timing below
        // measures classifying, not the clean-up after training, as a long-running server would.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var showMisses = Environment.GetEnvironmentVariable("MISSES") is not null;
        var classifyClock = Stopwatch.StartNew();
        int truePositive = 0, falsePositive = 0, trueNegative = 0, falseNegative = 0;
        foreach (var m in test)
        {
            var probability = filter.Classify(TokensOf(m.Text)).Probability;
            var spam = probability >= 0.5;
            if (showMisses && spam != (m.Label == "spam"))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"miss {m.Id} ({m.Label}) {probability:0.000}"));
            }

            switch ((spam, m.Label == "spam"))
            {
                case (true, true): truePositive++; break;
                case (true, false): falsePositive++; break;
                case (false, false): trueNegative++; break;
                default: falseNegative++; break;
            }
        }

        classifyClock.Stop();

        // Throughput: the median of five more passes over the test messages.
        var passes = new List<double> { test.Count / classifyClock.Elapsed.TotalSeconds };
        for (var pass = 0; pass < 5; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var m in test)
            {
                filter.Classify(TokensOf(m.Text));
            }

            passes.Add(test.Count / clock.Elapsed.TotalSeconds);
        }

        passes.Sort();
        if (Environment.GetEnvironmentVariable("PROFILE") is not null)
        {
            var t1 = Stopwatch.StartNew();
            var all = test.Select(m => TextNormalizer.Tokenize(m.Text)).ToList();
            t1.Stop();
            var t2 = Stopwatch.StartNew();
            var links = test.Select(m => LinkFinder.Find(m.Text)).ToList();
            t2.Stop();
            var t3 = Stopwatch.StartNew();
            for (var i = 0; i < test.Count; i++)
            {
                filter.Classify(SpamFilterPhase.TokensOf(new CommentInput(test[i].Text), all[i], links[i]));
            }

            t3.Stop();
            Console.WriteLine($"tokenize {t1.ElapsedMilliseconds} ms, links {t2.ElapsedMilliseconds} ms, classify {t3.ElapsedMilliseconds} ms");
        }

        var ham = trueNegative + falsePositive;
        var spamCount = truePositive + falseNegative;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            trained on {train.Count} messages in {trainClock.Elapsed.TotalSeconds:0.00} s; tested on {test.Count} ({ham} ham, {spamCount} spam)
            accuracy {100.0 * (truePositive + trueNegative) / test.Count:0.00}%
            false positives {falsePositive} of {ham} ham ({100.0 * falsePositive / ham:0.00}%)
            false negatives {falseNegative} of {spamCount} spam ({100.0 * falseNegative / spamCount:0.00}%)
            classified {passes[passes.Count / 2]:0} messages/s on one thread (tokenizing included; median of {passes.Count} passes, {passes[0]:0}–{passes[^1]:0})
            """));
        return 0;
    }

    /// <summary>
    /// Mail is long: a token must lean further from 0.5 to count (s 0.1, min. deviation 0.35) than
    /// in a comment. These settings, and the extra passes with their margin, were chosen with
    /// <c>--cross-validate</c> on the training part only; BAYES_* variables override them.
    /// </summary>
    private static BayesSpamFilter Trained(IReadOnlyList<(IReadOnlyCollection<string> Tokens, bool Spam)> examples)
    {
        var filter = new BayesSpamFilter(Setting("BAYES_S", 0.1), Setting("BAYES_MINDEV", 0.35), (int)Setting("BAYES_CLUES", 150));
        filter.Train(examples, extraPasses: (int)Setting("BAYES_PASSES", 10), margin: Setting("BAYES_MARGIN", 0.45));
        return filter;
    }

    /// <summary>Five folds of the training part (message i is in fold i mod 5): errors when each is judged by a filter trained on the other four.</summary>
    private static int CrossValidate(List<Message> train)
    {
        const int folds = 5;
        var tokens = train.Select(m => TokensOf(m.Text).ToArray()).ToList();
        int falsePositive = 0, falseNegative = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var filter = Trained(Enumerable.Range(0, train.Count).Where(i => i % folds != fold).Select(i => ((IReadOnlyCollection<string>)tokens[i], train[i].Label == "spam")).ToList());
            for (var i = fold; i < train.Count; i += folds)
            {
                var spam = filter.Classify(tokens[i]).Probability >= 0.5;
                var truth = train[i].Label == "spam";
                falsePositive += spam && !truth ? 1 : 0;
                falseNegative += !spam && truth ? 1 : 0;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{folds}-fold cross-validation on {train.Count} messages: {falsePositive + falseNegative} errors ({falsePositive} false positives, {falseNegative} false negatives), accuracy {100.0 * (train.Count - falsePositive - falseNegative) / train.Count:0.00}%"));
        return 0;
    }

    private static double Setting(string name, double otherwise) =>
        Environment.GetEnvironmentVariable(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : otherwise;

    private static IEnumerable<string> TokensOf(string text)
    {
        var tokens = TextNormalizer.Tokenize(text);
        return SpamFilterPhase.TokensOf(new CommentInput(text), tokens, LinkFinder.Find(text));
    }

    private static List<Message> Read(string path) =>
        File.ReadLines(path).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new Message(r.GetProperty("id").GetString()!, r.GetProperty("label").GetString()!, r.GetProperty("text").GetString()!);
        }).ToList();
}
