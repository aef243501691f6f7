using Masthead.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Database.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.Database.ConnectionString),
                "Masthead:Database:ConnectionString is required when Masthead:Database:Provider is PostgreSql.")
            .ValidateOnStart();

        builder.Services.AddDbContextPool<MastheadDbContext>((services, options) =>
            Configure(options, services.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton<DatabaseInitializer>();
        return builder;
    }

    internal static void Configure(DbContextOptionsBuilder options, StorageOptions storage)
    {
        switch (storage.Database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(storage.Database.ConnectionString,
                    o => o.MigrationsAssembly(typeof(Data.PostgreSql.DesignTimeFactory).Assembly.GetName().Name)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                options.UseSqlite(SqliteConnectionString(storage),
                    o => o.MigrationsAssembly(typeof(Data.Sqlite.DesignTimeFactory).Assembly.GetName().Name)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
        }
    }

    internal static string SqliteConnectionString(StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(storage.Database.ConnectionString))
        {
            return storage.Database.ConnectionString;
        }

        var directory = Path.GetFullPath(storage.DataDirectory);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "masthead.db")}";
    }
}
