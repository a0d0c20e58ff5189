using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Weerbaar.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Weerbaar.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Weerbaar.Migrations.Postgres";

    /// <summary>The folder for the SQLite file, the e-mail pickup folder and other local state.</summary>
    public static string DataDirectory(IConfiguration config, IHostEnvironment env)
    {
        var dir = config["Weerbaar:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(dir) ? Path.Combine(env.ContentRootPath, "App_Data") : dir);
    }

    public static DatabaseProvider Provider(IConfiguration config)
    {
        var value = config["Weerbaar:Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Weerbaar:Database:Provider '{value}' is onbekend; kies 'Sqlite' of 'Postgres'.");
    }

    public static IServiceCollection AddWeerbaarDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = Provider(config);
        var connectionString = config.GetConnectionString("Weerbaar");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dir = DataDirectory(config, env);
            Directory.CreateDirectory(dir);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "weerbaar.db") }.ToString();
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Weerbaar ontbreekt; die is verplicht voor PostgreSQL.");
        }

        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            Configure(options, provider, connectionString);
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ResolveMigrationsAssembliesFromAppDirectory();
        options.AddInterceptors(Features.Afweging.DecisionRecordGuard.Instance);
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqliteBusyTimeout.Instance);
        }
    }

    private static int _resolverInstalled;

    /// <summary>
    /// The migrations assemblies are copied next to Weerbaar.Web.dll after its build (they reference it, so it
    /// cannot reference them); they are not in its deps.json, so the default load context is told where they are.
    /// </summary>
    private static void ResolveMigrationsAssembliesFromAppDirectory()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1)
        {
            return;
        }
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrationsAssembly or PostgresMigrationsAssembly))
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    /// <summary>Applies pending migrations; SQLite runs in WAL mode so readers never block the writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        // EF Core reads the history table before it creates it; on an empty PostgreSQL database that read fails and is
        // logged as an error ("fail:") although nothing is wrong. Creating the table first (IF NOT EXISTS) avoids it.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        await db.Database.MigrateAsync(ct);
    }
}
