namespace Masthead.Moderation.Tests;

public sealed class RepeatPhaseTests
{
    private const string Campaign = "The so-called corridor is a provocation staged by foreign agents and every honest reader knows it";

    private static ModerationEngine Engine() =>
        ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None, Classifier = false, SpamFilter = false });

    [Fact]
    public void Moderate_SameTextFromThreeNames_HeldAsACampaign()
    {
        var engine = Engine();
        var regular = new CommenterHistory(Approved: 3);

        var first = engine.Moderate(new CommentInput(Campaign, "Anna", "anna@example.com", History: regular, ThreadKey: "a1"));
        var second = engine.Moderate(new CommentInput(Campaign + "!", "Boris", "boris@example.com", History: regular, ThreadKey: "a1"));
        var third = engine.Moderate(new CommentInput("  " + Campaign.ToUpperInvariant(), "Chen", "chen@example.com", History: regular, ThreadKey: "a2"));

        Assert.Equal(ModerationAction.Approve, first.Action);
        Assert.Equal(ModerationAction.Approve, second.Action);
        Assert.NotEqual(ModerationAction.Approve, third.Action);
        Assert.Contains(third.Reasons, r => r.Contains("Near-identical", StringComparison.Ordinal));
    }

    [Fact]
    public void Moderate_ShortStockPhrases_NeverACampaign()
    {
        var engine = Engine();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ModerationAction.Approve, engine.Moderate(new CommentInput("Great article, thanks.", $"Reader {i}", $"r{i}@example.com", History: new CommenterHistory(Approved: 3))).Action);
        }
    }

    [Fact]
    public void Moderate_OneCommenterFlooding_HeldAfterTheLimit()
    {
        var engine = Engine();
        var actions = Enumerable.Range(0, 7)
            .Select(i => engine.Moderate(new CommentInput($"Point number {i} about a different aspect of shipping insurance {i * 37}", "Dmitri", "dmitri@example.com", History: new CommenterHistory(Approved: 3))).Action)
            .ToList();

        Assert.All(actions.Take(5), a => Assert.Equal(ModerationAction.Approve, a));
        Assert.Equal(ModerationAction.Hold, actions[^1]);
    }
}
