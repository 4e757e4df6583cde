using System.Data.Common;
using System.Text.RegularExpressions;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Listing;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this is what keeps them honest: the schema the migrations produce must be
/// the schema the model would create (EnsureCreated on a second database): same tables, columns, types,
/// nullability, keys, indexes (with their filters) and foreign keys, on SQLite and on PostgreSQL.
/// </summary>
public abstract partial class MigrationSchemaTests(TestDb db)
{
    [Fact]
    public async Task MigratedSchema_EqualsTheModelsSchema()
    {
        await using var migrated = Context(TestDatabases.Create(db, "migrated"));
        await migrated.Database.MigrateAsync();
        await using var created = Context(TestDatabases.Create(db, "created"));
        await created.Database.EnsureCreatedAsync();
        // The search index's provider-specific part (FTS5 table and its shadow tables, pg_trgm index, triggers) is
        // outside the model: the migration runs it, and so does the model's side, so that the rest must still match.
        var provider = db == TestDb.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;
        foreach (var statement in SearchIndexSql.Install(provider).Concat(PublishedCountsSql.Install(provider)))
            await created.Database.ExecuteSqlRawAsync(statement);

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task Migrate_LeavesNothingPending_AndIsRepeatable()
    {
        await using var context = Context(TestDatabases.Create(db, "repeat"));
        await context.Database.MigrateAsync();
        await context.Database.MigrateAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var all = context.Database.GetMigrations().ToList();
        Assert.True(all.Count >= 2);
        Assert.Equal(all, await context.Database.GetAppliedMigrationsAsync());
    }

    private PortalDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, db == TestDb.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL, connectionString);
        return new PortalDbContext(options.Options);
    }

    private async Task<List<string>> DescribeAsync(PortalDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = db == TestDb.Sqlite ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    // EF's own bookkeeping tables (__EFMigrationsHistory, and on SQLite the __EFMigrationsLock it takes while
    // migrating) exist only on the migrated side and are not part of the model.
    private static async Task<List<string>> DescribeSqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        foreach (var t in tables)
        {
            var table = t[0];
            lines.Add($"table {table} autoincrement={t[1].Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var col in await QueryAsync(c, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{col[0]} {col[1]} notnull={col[2]} pk={col[3]}");
            foreach (var fk in await QueryAsync(c, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{fk[1]} -> {fk[0]}.{fk[2]} on delete {fk[3]}");
        }
        foreach (var i in await QueryAsync(c, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '__EFMigrations%'"))
            lines.Add($"index {i[1]}.{i[0]}: {Normalise(i[2])}");
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection c)
    {
        var lines = new List<string>();
        foreach (var col in await QueryAsync(c, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), coalesce(numeric_precision::text, ''),
                   coalesce(numeric_scale::text, ''), is_nullable, is_identity, coalesce(identity_generation, ''), coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """))
            lines.Add($"column {string.Join(" ", col)}");
        foreach (var con in await QueryAsync(c, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """))
            lines.Add($"constraint {string.Join(" ", con)}");
        foreach (var idx in await QueryAsync(c, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'"))
            lines.Add($"index {string.Join(" ", idx)}");
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            rows.Add(row);
        }
        return rows;
    }

    private static string Normalise(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed class MigrationSchemaOnSqlite() : MigrationSchemaTests(TestDb.Sqlite);

public sealed class MigrationSchemaOnPostgres() : MigrationSchemaTests(TestDb.Postgres);
