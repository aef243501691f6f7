using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Masthead.Moderation;

namespace Masthead.CommandLine;

/// <summary><c>masthead moderation check</c> and <c>masthead moderation eval</c>: the engine from a shell, no database needed.</summary>
public static class ModerationCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create()
    {
        var text = new Argument<string>("TEXT") { Description = "The comment to judge." };
        var author = new Option<string?>("--author") { Description = "The commenter's display name." };
        var url = new Option<string?>("--url") { Description = "The commenter's website." };
        var check = new Command("check", "Judge one comment as from a first-time commenter: prints the action, the scores and the reasons.") { text, author, url };
        check.TreatUnmatchedTokensAsErrors = false;
        check.SetAction(result =>
        {
            var engine = ModerationEngine.CreateDefault(ConfiguredOptions(result));
            var outcome = engine.Moderate(new CommentInput(result.GetValue(text)!, result.GetValue(author), AuthorUrl: result.GetValue(url)));
            Console.WriteLine($"action: {outcome.Action.ToString().ToLowerInvariant()}");
            Console.WriteLine("scores: " + string.Join(", ", outcome.Scores.Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value.ToString("0.00", CultureInfo.InvariantCulture)}")));
            foreach (var reason in outcome.Reasons)
            {
                Console.WriteLine($"reason: {reason}");
            }

            return 0;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "JSON lines: {\"id\",\"text\",\"author\",\"url\",\"label\"}, label ok|spam|insult|hate|threat|borderline." };
        var output = new Option<FileInfo?>("--out") { Description = "Write one JSON line per item: id, label, action, scores, reasons." };
        var asJson = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var eval = new Command("eval", "Measure the engine on a labelled set, each item as from a commenter with no history, with the rules for first-time commenters (pre-moderation, holding their links) off.") { file, output, asJson };
        eval.TreatUnmatchedTokensAsErrors = false;
        eval.SetAction(async (result, ct) =>
        {
            var input = result.GetValue(file)!;
            if (!input.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {input.FullName} does not exist.");
                return 2;
            }

            List<LabeledComment> items;
            try
            {
                items = (await File.ReadAllLinesAsync(input.FullName, ct)).Select(ModerationEngine.ParseLine).OfType<LabeledComment>().ToList();
            }
            catch (JsonException e)
            {
                await Console.Error.WriteLineAsync($"error: {input.Name}: not valid JSON lines ({e.Message}).");
                return 1;
            }

            var options = ConfiguredOptions(result);
            // Both rules below hold whatever a newcomer writes; off, the figures measure the
            // judgement of the text, not how new its author is.
            options.PreModeration = PreModeration.None;
            options.HoldFirstTimeLinks = false;
            var engine = ModerationEngine.CreateDefault(options);
            var report = Evaluation.Run(engine, items);
            if (result.GetValue(output) is { } outFile)
            {
                await File.WriteAllLinesAsync(outFile.FullName, report.Items.Select(i => JsonSerializer.Serialize(new
                {
                    id = i.Comment.Id,
                    label = i.Comment.Label,
                    action = i.Result.Action.ToString().ToLowerInvariant(),
                    scores = i.Result.Scores.ToDictionary(s => s.Key.ToString().ToLowerInvariant(), s => Math.Round(s.Value, 4)),
                    reasons = i.Result.Reasons,
                }, Json)), ct);
            }

            if (result.GetValue(asJson))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    labels = report.Labels.ToDictionary(l => l.Key, l => new { precision = Math.Round(l.Value.Precision, 4), recall = Math.Round(l.Value.Recall, 4), f1 = Math.Round(l.Value.F1, 4) }),
                    ok_approved = Math.Round(report.OkApproved, 4),
                    count = report.Count,
                }, Json));
                return 0;
            }

            Console.WriteLine($"{report.Count} items");
            Console.WriteLine("label        precision  recall  f1      count");
            foreach (var (label, f) in report.Labels)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-12} {f.Precision,9:0.000}  {f.Recall,6:0.000}  {f.F1,6:0.000}  {f.Count,5}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok approved: {report.OkApproved:P1}"));
            Console.WriteLine();
            var columns = new[] { "ok", "spam", "insult", "hate", "threat", "held" };
            Console.WriteLine("truth \\ predicted  " + string.Join("  ", columns.Select(c => $"{c,6}")));
            foreach (var (label, row) in report.Confusion)
            {
                Console.WriteLine($"{label,-18} " + string.Join("  ", columns.Select(c => $"{row.GetValueOrDefault(c),6}")));
            }

            return 0;
        });

        return new Command("moderation", "The moderation engine.") { check, eval };
    }

    /// <summary>The site's moderation settings (appsettings.json, environment, --Masthead:Moderation:...=value overrides).</summary>
    private static ModerationOptions ConfiguredOptions(ParseResult result)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(result.UnmatchedTokens.ToArray())
            .Build();
        var options = new ModerationOptions();
        configuration.GetSection(Moderation.ModerationSetup.Section).Bind(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        return options;
    }
}
