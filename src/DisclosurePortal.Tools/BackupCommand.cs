using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DisclosurePortal.Tools;

/// <summary>
/// A verb of DisclosurePortal.Tools: <c>backup --to FILE [--Key=value …]</c> copies the configured SQLite database into FILE with
/// SQLite's online backup API, while the portal keeps running (WAL: the copy reads one snapshot, writers do not wait),
/// checks the copy's integrity and exits. The copy is one self-contained file (rollback journal, no -wal beside it):
/// restoring is putting it as portal.db into an empty data folder (docs/reliability.md, ADR 22). PostgreSQL is backed
/// up with pg_dump instead, which does the same for a server database.
/// </summary>
internal sealed class BackupCommand : ToolVerb
{
    public const string Verb = "backup";

    public const string Usage = """
        Usage: DisclosurePortal.Tools backup --to FILE [--Database:DataFolder=…] [--ConnectionStrings:Portal=…]
          --to FILE   where to write the copy of the SQLite database (must not exist yet)
        Safe while the portal runs. For PostgreSQL use pg_dump -Fc (docs/reliability.md).
        """;

    private BackupCommand(string? target, VerbArguments arguments) : base(arguments) => Target = target;

    public string? Target { get; }

    /// <summary>The command, when the first argument is the verb; null otherwise.</summary>
    public static BackupCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        string? target = null;
        var arguments = VerbArguments.Parse(args, Usage, ["--to"], (_, value) =>
        {
            target = value;
            return string.IsNullOrWhiteSpace(value) ? "--to needs a file name." : null;
        });
        if (arguments.Error is null && !arguments.Help && target is null) arguments = arguments.Refuse("--to FILE is required.");
        return new BackupCommand(target is null || arguments.Error is not null ? null : Path.GetFullPath(target), arguments);
    }

    /// <summary>0 when the copy is written and passes integrity_check; 1 when it cannot be made; 2 for PostgreSQL.</summary>
    public int Run(IConfiguration configuration, string contentRoot)
    {
        if (DatabaseSetup.ProviderFrom(configuration) != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("The database is PostgreSQL: back it up with pg_dump -Fc, restore with pg_restore (docs/reliability.md).");
            return 2;
        }
        var source = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration, contentRoot))
        {
            Mode = SqliteOpenMode.ReadWrite, // never create an empty database where the portal's should be
            Pooling = false,
        };
        if (!File.Exists(source.DataSource))
        {
            Console.Error.WriteLine($"No database at {source.DataSource}.");
            return 1;
        }
        var target = Target!;
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target} exists already: choose a new file.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            using (var from = new SqliteConnection(source.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to); // one step: a single consistent snapshot of the source
                var check = Scalar(to, "PRAGMA integrity_check");
                if (check != "ok")
                {
                    Console.Error.WriteLine($"The copy failed its integrity check: {check}");
                    return 1;
                }
                _ = Scalar(to, "PRAGMA journal_mode = DELETE"); // one file, nothing beside it
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Backed up {source.DataSource} to {target}: {Scalar(to, "SELECT COUNT(*) FROM \"Records\"")} records, {Scalar(to, "SELECT COUNT(*) FROM \"ApplicationCases\"")} application cases, integrity ok."));
            }
            File.Move(partial, target);
            return 0;
        }
        catch (SqliteException e)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            File.Delete(partial);
            return 1;
        }
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }
}
