namespace Masthead.Moderation.Tests;

public sealed class EvaluationTests
{
    [Fact]
    public void Run_ManyItemsUnderOneName_EachJudgedAsAFirstComment()
    {
        var engine = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None, Classifier = false, SpamFilter = false });
        var items = Enumerable.Range(1, 12)
            .Select(i => new LabeledComment($"a{i}", $"Point {i}: the ministry's figures on grain exports to the Gulf do not add up this quarter.", "Anonymous", null, "ok"))
            .ToList();

        var report = Evaluation.Run(engine, items);

        Assert.All(report.Items, i => Assert.Equal(ModerationAction.Approve, i.Result.Action));
        Assert.Equal(1.0, report.OkApproved);
    }
}
