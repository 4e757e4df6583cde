using DisclosurePortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// <c>Database:Provider</c> = Sqlite (default: a file under the data folder) or PostgreSQL (<c>ConnectionStrings:Portal</c>).
/// The model is provider-neutral; adding another provider is one more case here (docs/adr/0002).
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider '{value}' is not supported; use Sqlite or PostgreSQL.");
    }

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(configuration, contentRoot),
            DatabaseProvider.PostgreSQL => configuration.GetConnectionString("Portal")
                ?? throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Portal is not set."),
            _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
        };
        services.AddDbContextPool<PortalDbContext>(options => Configure(options, provider, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var migrationsAssembly = typeof(PortalDbContext).Assembly.GetName().Name;
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.PostgreSQL => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
        };
        // Migrations are hand-written without a model snapshot (docs/adr/0001); MigrationSchemaTests proves the
        // migrated schema equals the model's, which is the check this warning would otherwise stand in for.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        // Every context chains the audit events it saves, whoever made it (app, seeders, tests): docs/adr/0023.
        options.AddInterceptors(AuditChainInterceptor.Instance);
    }

    /// <summary>The SQLite file's connection string (also used by the backup command).</summary>
    internal static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var explicitString = configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(explicitString)) return explicitString;
        var folder = configuration["Database:DataFolder"] ?? "data";
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(contentRoot, folder);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "portal.db"),
            Pooling = true,
        }.ToString();
    }
}
