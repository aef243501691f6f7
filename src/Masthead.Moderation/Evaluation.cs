namespace Masthead.Moderation;

/// <summary>Per-label figures of a labelled set run through the engine.</summary>
public sealed record LabelFigures(double Precision, double Recall, double F1, int Count);

public sealed record EvaluationItem(LabeledComment Comment, ModerationResult Result, string Predicted);

public sealed record EvaluationReport(
    IReadOnlyDictionary<string, LabelFigures> Labels,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    double OkApproved,
    int Count,
    IReadOnlyList<EvaluationItem> Items);

/// <summary>
/// Measures the engine on a labelled set. A non-ok item is caught when it is not approved; the
/// predicted label of a caught item is its strongest category. A borderline item is right either way.
/// Each item is judged as the first comment of a commenter with no history: a set where many items
/// share a name ("Anonymous") would otherwise read as one commenter flooding.
/// </summary>
public static class Evaluation
{
    public static readonly string[] Labels = ["ok", "spam", "insult", "hate", "threat", "borderline"];
    private static readonly Category[] Judged = [Category.Threat, Category.Hate, Category.Insult, Category.Spam];

    public static EvaluationReport Run(ModerationEngine engine, IReadOnlyList<LabeledComment> items)
    {
        var results = items.Select(c =>
        {
            engine.ForgetRecentComments();
            var result = engine.Moderate(new CommentInput(c.Text, c.Author, AuthorUrl: string.IsNullOrEmpty(c.Url) ? null : c.Url, ThreadKey: c.Id));
            return new EvaluationItem(c, result, Predict(result));
        }).ToList();

        var labels = new Dictionary<string, LabelFigures>();
        foreach (var label in Labels.Where(l => l != "borderline"))
        {
            var truth = results.Where(r => r.Comment.Label == label).ToList();
            var predicted = results.Where(r => r.Predicted == label).ToList();
            var recall = label == "ok"
                ? Ratio(truth.Count(r => r.Result.Action == ModerationAction.Approve), truth.Count)
                : Ratio(truth.Count(r => r.Result.Action != ModerationAction.Approve), truth.Count);
            var precision = Ratio(predicted.Count(r => r.Comment.Label == label || (label == "ok" && r.Comment.Label == "borderline")), predicted.Count);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            labels[label] = new LabelFigures(precision, recall, f1, truth.Count);
        }

        var confusion = Labels.ToDictionary(
            l => l,
            l => (IReadOnlyDictionary<string, int>)results.Where(r => r.Comment.Label == l).GroupBy(r => r.Predicted).ToDictionary(g => g.Key, g => g.Count()));
        var ok = results.Where(r => r.Comment.Label == "ok").ToList();
        return new EvaluationReport(labels, confusion, Ratio(ok.Count(r => r.Result.Action == ModerationAction.Approve), ok.Count), results.Count, results);
    }

    /// <summary>"ok" when approved, otherwise the strongest category, or "held" when only a rule held it.</summary>
    public static string Predict(ModerationResult result)
    {
        if (result.Action == ModerationAction.Approve)
        {
            return "ok";
        }

        var top = Judged.OrderByDescending(c => result.Scores[c]).First();
        return result.Scores[top] > 0 ? top.ToString().ToLowerInvariant() : "held";
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}
