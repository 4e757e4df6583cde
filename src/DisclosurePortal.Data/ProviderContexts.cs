using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DisclosurePortal.Data;

// One context type per provider, so that each provider has its own migrations (Migrations/{Provider}) and model
// snapshot: EF Core's "multiple context types" layout for migrations with multiple providers (docs/adr/0026).
// They add nothing to the model.

/// <summary>The portal's context on SQLite (migrations in Migrations/Sqlite).</summary>
public sealed class SqlitePortalDbContext(DbContextOptions options) : PortalDbContext(options);

/// <summary>The portal's context on PostgreSQL (migrations in Migrations/PostgreSQL).</summary>
public sealed class PostgresPortalDbContext(DbContextOptions options) : PortalDbContext(options);

/// <summary>The portal's context on SQL Server (migrations in Migrations/SqlServer).</summary>
public sealed partial class SqlServerPortalDbContext(DbContextOptions options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The tables the Baseline's T-SQL triggers watch: EF then saves into them without a bare OUTPUT clause, which
        // SQL Server refuses on a table with triggers.
        modelBuilder.Entity<Domain.Publishing.RecordVersion>().ToTable(t =>
        {
            t.HasTrigger("RecordVersions_Search");
            t.HasTrigger("RecordVersions_Counts");
        });
        modelBuilder.Entity<Domain.Publishing.Record>().ToTable(t => t.HasTrigger("Records_Search"));
        modelBuilder.Entity<Domain.Catalogue.CatalogueItem>().ToTable(t => t.HasTrigger("CatalogueItems_Search"));
        modelBuilder.Entity<Domain.Auditing.AuditEvent>().ToTable(t => t.HasTrigger("AuditEvents_AppendOnly"));
        // SQLite and PostgreSQL take a boolean column as an index filter ("IsPublished"); T-SQL needs a comparison.
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()))
        {
            if (index.GetFilter() is { } filter && BareColumn().Match(filter) is { Success: true } column)
                index.SetFilter($"[{column.Groups[1].Value}] = CAST(1 AS bit)");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^\"(\\w+)\"$")]
    private static partial System.Text.RegularExpressions.Regex BareColumn();
}

/// <summary>
/// Design-time factories for <c>dotnet ef</c> (README, "Adding a migration"): they configure each provider as the
/// portal does, with a placeholder connection that adding a migration or writing a script never opens.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)DesignTime.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        (PostgresPortalDbContext)DesignTime.Create(DatabaseProvider.PostgreSQL, "Host=localhost;Database=portal_design_time");
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        (SqlServerPortalDbContext)DesignTime.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=portal_design_time;Integrated Security=true;TrustServerCertificate=true");
}

internal static class DesignTime
{
    public static PortalDbContext Create(DatabaseProvider provider, string connectionString) =>
        DatabaseSetup.CreateContext(provider, connectionString);
}
