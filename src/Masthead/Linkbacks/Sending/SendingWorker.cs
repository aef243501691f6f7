namespace Masthead.Linkbacks.Sending;

/// <summary>Drains the outbox in the background: everything due, then sleeps until the next is due, a save wakes it, or a minute passes.</summary>
public sealed class SendingWorker(IServiceScopeFactory scopes, SendingSignal signal, TimeProvider clock, ILogger<SendingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<LinkbackSender>();
                while (await sender.SendDueAsync(stoppingToken) > 0)
                {
                }

                if (await sender.NextDueAsync(stoppingToken) is { } next)
                {
                    var until = next - clock.GetUtcNow().UtcDateTime;
                    sleep = until < TimeSpan.Zero ? TimeSpan.Zero : until < MaxSleep ? until : MaxSleep;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending linkbacks failed; trying again in a minute");
            }

            await signal.WaitAsync(sleep, clock, stoppingToken);
        }
    }
}
