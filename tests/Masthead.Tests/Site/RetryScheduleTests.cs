using Masthead.Site;

namespace Masthead.Tests.Site;

public sealed class RetryScheduleTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private readonly RetrySchedule _schedule = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    [Fact]
    public void NextAttemptAt_EachFailedTry_WaitsTheNextDelay()
    {
        Assert.Equal(Now.AddMinutes(1), _schedule.NextAttemptAt(1, Now));
        Assert.Equal(Now.AddHours(1), _schedule.NextAttemptAt(2, Now));
    }

    [Fact]
    public void NextAttemptAt_DelaysSpent_GivesUp()
    {
        Assert.Null(_schedule.NextAttemptAt(3, Now));
        Assert.Equal(3, _schedule.MaxAttempts);
    }

    [Fact]
    public void NextAttemptAt_NoTryYet_Null()
    {
        Assert.Null(_schedule.NextAttemptAt(0, Now));
    }
}
