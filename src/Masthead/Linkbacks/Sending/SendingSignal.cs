namespace Masthead.Linkbacks.Sending;

/// <summary>Wakes the sending worker when an article's save queued notifications.</summary>
public sealed class SendingSignal : Site.WakeSignal;
