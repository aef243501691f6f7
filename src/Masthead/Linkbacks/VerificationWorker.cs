namespace Masthead.Linkbacks;

/// <summary>Checks accepted notifications one at a time, in the background.</summary>
public sealed class VerificationWorker(VerificationQueue queue, IServiceScopeFactory scopes, ILogger<VerificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LinkbackVerifier>().VerifyAsync(request, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Checking {Kind} from {Source} failed", request.Kind, request.Source);
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
