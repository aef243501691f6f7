using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Masthead.Data.Sqlite;

/// <summary>
/// Lets the EF tools build the context for this provider. Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/Masthead.Data.Sqlite</c>
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MastheadDbContext>
{
    public MastheadDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MastheadDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
