namespace Masthead.Site;

/// <summary>
/// When a failed delivery (a mail, a linkback) is tried again: after each delay in turn, then
/// never. Attempts are counted from 1, the first try included.
/// </summary>
public sealed class RetrySchedule(params TimeSpan[] delays)
{
    /// <summary>Tries in all, the first one included.</summary>
    public int MaxAttempts => delays.Length + 1;

    /// <summary>When to try again after <paramref name="attempts"/> failed tries, or null once they are all spent.</summary>
    public DateTime? NextAttemptAt(int attempts, DateTime now) =>
        attempts >= 1 && attempts <= delays.Length ? now + delays[attempts - 1] : null;
}
