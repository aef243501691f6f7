using Masthead.Moderation.Phases;

namespace Masthead.Moderation.Tests;

public sealed class DehumanizationPhaseTests
{
    private static Signal? Run(string text) => PhaseRun.SignalOf(new DehumanizationPhase(new ApprovedPatterns()), text);

    [Theory]
    [InlineData("Serbian rats, all of them.")]
    [InlineData("Afghans are parasites on every welfare system they reach.")]
    [InlineData("Чеченцы — это скот, ничего больше.")]
    [InlineData("Arabs multiply like locusts.")]
    public void Run_PeopleCalledVermin_SignalsHate(string text)
    {
        var signal = Run(text);

        Assert.NotNull(signal);
        Assert.Equal(Category.Hate, signal.Category);
        Assert.Equal(2, signal.Spans.Count);
    }

    [Theory]
    [InlineData("Russians are not animals, and the people saying so should stop.")]
    [InlineData("The minister called Gazans animals, and the court quoted him.")]
    [InlineData("Calling Ukrainians \"cockroaches\" on state TV is incitement.")]
    [InlineData("Civilians were herded like cattle into the stadium.")]
    [InlineData("Russian propaganda is a cancer on the region.")]
    [InlineData("The Russian army lost the dogs it used for mine clearing.")]
    public void Run_NegatedReportedQuotedOrNotAPeople_NoSignal(string text)
    {
        Assert.Null(Run(text));
    }
}
