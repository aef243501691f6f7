using System.Globalization;
using Masthead.Moderation;

namespace Masthead.Benchmarks;

/// <summary>
/// Judges each mixed training set (<c>train-from-dev*</c>, <c>train-mixed-*</c>) with an engine
/// trained on every other training file, the way <c>moderation eval</c> judges a development set.
/// Each set was written by its own writer for its own readership, so this measures how the engine
/// does on text written by someone whose lines it never learned from, over far more items than
/// the development sets hold. It trains one engine per set: minutes, not seconds.
/// </summary>
public static class LeaveOneSetOut
{
    private static readonly string[] Judged = ["threat", "hate", "insult", "spam"];

    public static int Run(string[] args)
    {
        var folder = Path.GetDirectoryName(RepositoryFiles.Find("datasets/moderation/train-ok.jsonl"))!;
        var files = Directory.GetFiles(folder, "train-*.jsonl").Order(StringComparer.Ordinal).ToList();
        var lines = files.ToDictionary(f => f, f => File.ReadLines(f).Select(ModerationEngine.ParseLine).OfType<LabeledComment>().ToList());
        var wanted = args.ToHashSet(StringComparer.Ordinal);
        var held = files
            .Where(f => Path.GetFileName(f).StartsWith("train-from-dev", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("train-mixed-", StringComparison.Ordinal))
            .Where(f => wanted.Count == 0 || wanted.Contains(Path.GetFileNameWithoutExtension(f)))
            .ToList();
        if (held.Count == 0)
        {
            Console.Error.WriteLine("usage: leave-one-set-out [SET ...]   (SET as train-mixed-7, without .jsonl)");
            return 2;
        }

        var options = new ModerationOptions { PreModeration = PreModeration.None, HoldFirstTimeLinks = false };
        var lists = new WordList(ModerationEngine.BuiltInListLines());
        var totals = new Dictionary<string, (int Count, int Caught)>();
        foreach (var file in held)
        {
            var engine = ModerationEngine.TrainedOn(files.Where(f => f != file).SelectMany(f => lines[f]), options, lists);
            var report = Evaluation.Run(engine, lines[file]);
            var counts = report.Items
                .GroupBy(i => i.Comment.Label)
                .ToDictionary(g => g.Key, g => (Count: g.Count(), Caught: g.Count(i => i.Result.Action != ModerationAction.Approve)));
            foreach (var (label, c) in counts)
            {
                var (n, caught) = totals.GetValueOrDefault(label);
                totals[label] = (n + c.Count, caught + c.Caught);
            }

            Console.WriteLine(Line(Path.GetFileNameWithoutExtension(file), counts));
        }

        Console.WriteLine(Line("all sets", totals));
        return 0;
    }

    private static string Line(string name, IReadOnlyDictionary<string, (int Count, int Caught)> counts)
    {
        var parts = Judged.Where(counts.ContainsKey).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l} {counts[l].Caught / (double)counts[l].Count:0.000}"));
        var ok = counts.TryGetValue("ok", out var o) ? string.Create(CultureInfo.InvariantCulture, $"ok approved {100 * (1 - (o.Caught / (double)o.Count)):0.0}%") : "";
        return $"{name,-20} {string.Join("  ", parts)}  {ok}";
    }
}
