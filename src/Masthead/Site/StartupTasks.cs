using Masthead.Demo;
using Masthead.Storage;

namespace Masthead.Site;

/// <summary>
/// Runs before the server accepts its first request: schema, publication, demo content.
/// Command-line commands call <see cref="RunAsync"/> themselves.
/// </summary>
public sealed class StartupTasks(IServiceScopeFactory scopes, DatabaseInitializer database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublicationStore>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Newsroom.Settings.SettingsStore>()
            .LoadAsync(scope.ServiceProvider.GetRequiredService<Data.MastheadDbContext>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
    }
}
