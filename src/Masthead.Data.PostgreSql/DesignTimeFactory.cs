using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Masthead.Data.PostgreSql;

/// <summary>
/// Lets the EF tools build the context for this provider; generating a migration needs no server.
/// <c>dotnet ef migrations add NAME --project src/Masthead.Data.PostgreSql</c>
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MastheadDbContext>
{
    public MastheadDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MastheadDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=masthead_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
