using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Weerbaar.Web.Data;

namespace Weerbaar.Migrations.Postgres;

/// <summary>Used only by `dotnet ef migrations add`; no database is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=weerbaar;Username=weerbaar");
        return new AppDbContext(options.Options);
    }
}
