using System.Net;
using Masthead.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Masthead.Tests.Infrastructure;

/// <summary>
/// The real site on Kestrel at 127.0.0.1 on a free port, with its own fresh database: a SQLite
/// file in a temporary folder, or a new database on the PostgreSQL server the test command started.
/// </summary>
public abstract class MastheadServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Connection string to the throwaway PostgreSQL server's maintenance database.</summary>
    public const string PostgresVariable = "MASTHEAD_TEST_POSTGRES";

    private readonly Dictionary<string, string?> _settings = [];

    /// <param name="port">0 for any free port; a fixed one when another server must know the address before this one starts.</param>
    protected MastheadServer(int port = 0)
    {
        DataDirectory = Directory.CreateTempSubdirectory("masthead-test-").FullName;
        _settings["Masthead:DataDirectory"] = DataDirectory;
        _settings["Masthead:Publication:TimeZone"] = "Europe/London";
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    /// <summary>A port free at the time of asking, for a server that must be named before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    protected void Set(string key, string? value) => _settings[key] = value;

    private PostgresDatabase? _postgres;

    /// <summary>Runs this site on a fresh database of the test PostgreSQL server, created at start and dropped at the end, instead of SQLite.</summary>
    protected void UsePostgres()
    {
        _postgres = new PostgresDatabase();
        Set("Masthead:Database:Provider", "PostgreSql");
        Set("Masthead:Database:ConnectionString", _postgres.ConnectionString);
    }

    public async Task InitializeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.CreateAsync();
        }

        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request is left to the temp cleaner.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that behaves like a browser without JavaScript: it keeps cookies and does not follow redirects by itself.</summary>
    public Reader NewReader() => new(BaseAddress);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Drops cached pages after a test changed data behind the site's back.</summary>
    public void InvalidatePages() => Services.GetRequiredService<Masthead.Site.IPageCache>().Invalidate();

    public Task<T> DbAsync<T>(Func<MastheadDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<MastheadDbContext>()));
}

public sealed class SqliteServer : MastheadServer;

/// <summary>A SQLite site whose clock the test moves: for schedules and anything else time decides.</summary>
public sealed class FakeClockServer : MastheadServer
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A fresh database on the throwaway PostgreSQL server the test command started, dropped at the end.</summary>
internal sealed class PostgresDatabase
{
    private readonly string _database = "masthead_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _adminConnection;

    public PostgresDatabase()
    {
        _adminConnection = Environment.GetEnvironmentVariable(MastheadServer.PostgresVariable)
            ?? throw new InvalidOperationException(
                $"{MastheadServer.PostgresVariable} is not set. Run the test suite with ./test.sh, which starts a throwaway PostgreSQL server.");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database }.ConnectionString;
    }

    public string ConnectionString { get; }

    public Task CreateAsync() => RunAsync($"CREATE DATABASE {_database}");

    public Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return RunAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private async Task RunAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresServer : MastheadServer
{
    public PostgresServer() => UsePostgres();
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteServer>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
