using Masthead.Moderation.Phases;

namespace Masthead.Moderation.Tests;

public sealed class IntimidationPhaseTests
{
    private static Signal? Run(string text) => PhaseRun.SignalOf(new IntimidationPhase(new ApprovedPatterns()), text);

    [Theory]
    [InlineData("We know where you work. Say hello to your colleagues for us.")]
    [InlineData("Your car is the grey one by the bakery, right? Would be a shame if something happened to it.")]
    [InlineData("Took me five minutes to find your home address. See you soon.")]
    [InlineData("Автор, мы знаем, где вы живёте.")]
    [InlineData("Ми знаємо, де твоя редакція.")]
    [InlineData("I have your username and your profile photo. Sleep well.")]
    public void Run_PrivateLifeBesideAMenace_SignalsAThreat(string text)
    {
        var signal = Run(text);

        Assert.NotNull(signal);
        Assert.Equal(Category.Threat, signal.Category);
        Assert.Equal(2, signal.Spans.Count);
        Assert.True(signal.Score >= new ModerationOptions().Thresholds[Category.Threat].Hold);
    }

    [Theory]
    [InlineData("I know it depends on where you live, but energy prices doubled here.")]
    [InlineData("Your photo of the harbour at dawn is beautiful.")]
    [InlineData("We know the numbers are incomplete; the article says so.")]
    [InlineData("Be careful with casualty figures from either ministry.")]
    [InlineData("He wrote \"we know where you live\" under her article. He should be banned.")]
    [InlineData("Enjoy your family time this weekend!")]
    public void Run_EitherHalfAloneOrQuoted_NoSignal(string text)
    {
        Assert.Null(Run(text));
    }
}
