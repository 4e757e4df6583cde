using System.Net;
using DisclosurePortal.Reliability.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace DisclosurePortal.Reliability.Tests;

/// <summary>
/// The backup and restore commands of docs/reliability.md, end to end: a seeded portal takes applications, is backed up
/// while it runs and applicants keep submitting, the backup is restored into a new place, and a second portal started
/// on the restore shows the data (published records, search, the applications by their 查询码) as of the backup.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SqliteOnlineBackup_RestoredIntoANewFolder_ServesTheDataAsOfTheBackup()
    {
        using var db = PortalDatabase.NewSqlite();
        using var restored = PortalDatabase.NewSqlite();
        var backupFile = Path.Combine(db.Folder, "backups", "portal-backup.db");

        await BackUpAndRestoreAsync(db, restored, async () =>
        {
            // dotnet DisclosurePortal.Tools.dll backup --to FILE, with the portal's own settings (README, docs/reliability.md)
            var backup = await Tool.RunAsync("dotnet",
                [PortalPaths.ToolsDll, "backup", "--to", backupFile, "--contentRoot", PortalPaths.WebProject, $"--Database:DataFolder={db.Folder}"]);
            output.WriteLine(backup.ToString());
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.Contains("integrity ok", backup.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(backupFile + "-wal"));
        }, () =>
        {
            // Restore: the copy becomes portal.db of an empty data folder.
            File.Copy(backupFile, restored.SqliteFile);
            return Task.CompletedTask;
        });

        // A second backup to the same file is refused rather than overwriting it.
        var again = await Tool.RunAsync("dotnet", [PortalPaths.ToolsDll, "backup", "--to", backupFile, "--contentRoot", PortalPaths.WebProject, $"--Database:DataFolder={db.Folder}"]);
        Assert.Equal(1, again.ExitCode);
    }

    [Fact]
    public async Task PostgresPgDump_RestoredIntoANewDatabase_ServesTheDataAsOfTheBackup()
    {
        using var db = PortalDatabase.NewPostgres("backup");
        using var restored = PortalDatabase.NewPostgres("restore");
        var dumpFile = Path.Combine(db.Folder, "portal.dump");
        var server = new NpgsqlConnectionStringBuilder(PortalDatabase.PostgresServer);
        string[] connect = ["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!];
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = server.Password ?? "" };

        await BackUpAndRestoreAsync(db, restored, async () =>
        {
            var dump = await Tool.RunAsync(Tool.PostgresProgram("pg_dump"), [.. connect, "-Fc", "-f", dumpFile, db.PgDatabase!], environment);
            output.WriteLine($"pg_dump {dump}");
            Assert.True(dump.ExitCode == 0, dump.ToString());
        }, async () =>
        {
            var restore = await Tool.RunAsync(Tool.PostgresProgram("pg_restore"),
                [.. connect, "--no-owner", "--exit-on-error", "-d", restored.PgDatabase!, dumpFile], environment);
            output.WriteLine($"pg_restore {restore}");
            Assert.True(restore.ExitCode == 0, restore.ToString());
        });
    }

    private async Task BackUpAndRestoreAsync(PortalDatabase db, PortalDatabase restored, Func<Task> backUp, Func<Task> restore)
    {
        List<string> before = [];
        string after;
        string recordTitle;
        int recordId;
        await using (var portal = await PortalProcess.StartAsync(Ports.Main, db.PortalSettings(demoData: true)))
        {
            (recordId, recordTitle) = PublishedRecord(db);
            using var applicant = new FormClient(portal.BaseAddress);
            for (var i = 0; i < 3; i++) before.Add(await SubmitAsync(applicant, "before"));

            // Applicants keep submitting while the backup runs: it must take a consistent snapshot and not stop them.
            var stream = new ApplicationStream(portal.BaseAddress, clients: 2, tag: "during");
            using var stop = new CancellationTokenSource();
            var running = stream.RunAsync(stop.Token);
            await stream.WaitForAcknowledgedAsync(5, TimeSpan.FromSeconds(60));
            try
            {
                await backUp();
            }
            finally
            {
                await stop.CancelAsync();
                await running;
            }
            Assert.Empty(stream.OtherAnswers);
            output.WriteLine($"{stream.AcknowledgedCount} applications acknowledged while backing up");
            after = await SubmitAsync(applicant, "after");
        }

        await restore();
        // The Data Protection keys are backed up apart from the database (docs/reliability.md) and restored with it:
        // without them the applicants' encrypted identity numbers could not be read (ADR 20).
        CopyFolder(Path.Combine(db.Folder, "keys"), Path.Combine(restored.Folder, "keys"));

        await using var second = await PortalProcess.StartAsync(Ports.Second, restored.PortalSettings(demoData: true));
        using var citizen = new FormClient(second.BaseAddress);
        foreach (var code in before) await AssertTrackAsync(citizen, code, HttpStatusCode.OK);
        await AssertTrackAsync(citizen, after, HttpStatusCode.NotFound); // made after the backup: not in it

        using var page = await citizen.Http.GetAsync($"/records/{recordId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(recordTitle), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The search index (FTS5 table or pg_trgm index, kept by triggers) came along too.
        using var search = await citizen.Http.GetAsync($"/search?q={Uri.EscapeDataString(recordTitle)}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains($"/records/{recordId}\"", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The restored database is the portal's own again: it takes new applications.
        Assert.Contains(await SubmitAsync(citizen, "restored"), restored.StoredCases().Keys);
    }

    private static async Task<string> SubmitAsync(FormClient client, string tag)
    {
        var token = await client.TokenFromAsync("/apply");
        using var response = await client.PostAsync("/apply", token, Applicant.Form(tag));
        return Applicant.AcknowledgedCode(response) ?? throw new InvalidOperationException($"/apply answered {(int)response.StatusCode}");
    }

    private static async Task AssertTrackAsync(FormClient client, string code, HttpStatusCode expected)
    {
        using var response = await client.Http.GetAsync($"/track?code={code}");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) // the encrypted identity number was read with the restored keys, and masked
            Assert.Contains("511023********", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    private static (int Id, string Title) PublishedRecord(PortalDatabase db)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v."RecordId", v."Title" FROM "RecordVersions" v WHERE v."IsPublished" ORDER BY v."RecordId" LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the demo data has no published record");
        return (reader.GetInt32(0), reader.GetString(1));
    }
}
