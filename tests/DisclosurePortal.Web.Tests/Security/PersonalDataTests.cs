using System.Net;
using System.Text;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Apply;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// An applicant's identity number is encrypted at rest and shown only masked (ADR 20): after an application the number
/// is nowhere in the database (file and WAL on SQLite, every text column on PostgreSQL) nor in the log file; receipt,
/// tracking page and the office's list show it masked or not at all, the office's case page whole; the same applicant is still found by the blind index; and
/// numbers stored in clear before are encrypted on the next start.
/// </summary>
public abstract class PersonalDataTests(PortalFactory factory)
{
    private static readonly string LogFolder = Directory.CreateTempSubdirectory("dp-log-").FullName;

    [Fact]
    public async Task AnIdentityNumber_IsNotInTheDatabaseNorTheLog_AndShowsOnlyMasked()
    {
        var id = ApplySupport.ResidentId("51102319771103404");
        string code;
        string caseId;
        using (var app = factory.WithWebHostBuilder(b =>
               {
                   b.UseSetting("Logging:File", Path.Combine(LogFolder, "portal.log"));
                   b.UseSetting("RateLimits:Apply:PermitLimit", "1000");
               }))
        {
            var client = ApplySupport.Client(app);
            var form = ApplySupport.Valid();
            form["IdentityNumber"] = id;
            code = await ApplySupport.SubmitValidAsync(client, form);

            var masked = id[..6] + new string('*', 8) + id[^4..];
            var (_, receipt) = await Html.GetAsync(client, $"/apply/receipt/{code}");
            Assert.Contains(masked, receipt.Body.Text(), StringComparison.Ordinal);
            var (_, track) = await Html.GetAsync(client, $"/track?code={code}");
            Assert.Equal(masked, track.QuerySelector("#identity").Text());
            Assert.DoesNotContain(id, track.Body!.OuterHtml, StringComparison.Ordinal);

            await using (var db = factory.NewDbContext())
                caseId = (await db.ApplicationCases.SingleAsync(c => c.QueryCode == code)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var staff = await Browserish.SignedInAsync(factory, "reviewer");
            // The office handles the application on its case page: the number whole there, and only there.
            var (casePage, caseDoc) = await Html.GetAsync(staff, $"/cases/{caseId}");
            Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
            Assert.Contains(id, caseDoc.Body.Text(), StringComparison.Ordinal);
            var (list, listDoc) = await Html.GetAsync(staff, "/cases");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(code, listDoc.Body!.OuterHtml, StringComparison.Ordinal); // the application is in the list…
            Assert.DoesNotContain(id, listDoc.Body!.OuterHtml, StringComparison.Ordinal); // …its number is not
        }

        await using (var db = factory.NewDbContext())
        {
            var stored = await db.ApplicationCases.AsNoTracking().SingleAsync(c => c.QueryCode == code);
            Assert.StartsWith(PersonalData.Prefix, stored.IdentityNumber, StringComparison.Ordinal);
            Assert.Equal(id, factory.Services.GetRequiredService<PersonalData>().Reveal(stored.IdentityNumber));
            Assert.Equal(64, stored.IdentityIndex?.Length);
        }
        Assert.Empty(await PlacesHoldingAsync(id));

        var logs = Directory.GetFiles(LogFolder);
        Assert.NotEmpty(logs);
        var logText = string.Concat(logs.Select(ReadShared));
        Assert.Contains("POST /apply", logText, StringComparison.Ordinal); // the log was written at all
        Assert.DoesNotContain(id, logText, StringComparison.Ordinal);
        Assert.DoesNotContain(code, logText, StringComparison.Ordinal); // nor the query code (receipt paths are cut)
    }

    [Fact]
    public async Task NumbersStoredInClear_AreEncryptedOnTheNextStart_AndKeepTheirApplicant()
    {
        var id = ApplySupport.ResidentId("51102319620415511");
        string code;
        using (var app = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:Apply:PermitLimit", "1000")))
        {
            var form = ApplySupport.Valid();
            form["IdentityNumber"] = id;
            code = await ApplySupport.SubmitValidAsync(ApplySupport.Client(app), form);
        }
        await using (var db = factory.NewDbContext()) // as a row written before ADR 20 looks
            await db.ApplicationCases.Where(c => c.QueryCode == code)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdentityNumber, id).SetProperty(c => c.IdentityIndex, (string?)null));
        Assert.NotEmpty(await PlacesHoldingAsync(id)); // the check can see a number in clear

        using (var scope = factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<IdentityNumberSealer>().SealAsync() >= 1);

        await using (var db = factory.NewDbContext())
        {
            var stored = await db.ApplicationCases.AsNoTracking().SingleAsync(c => c.QueryCode == code);
            var personalData = factory.Services.GetRequiredService<PersonalData>();
            Assert.Equal(id, personalData.Reveal(stored.IdentityNumber));
            Assert.Equal(personalData.Index(id), stored.IdentityIndex);
        }
        if (factory.Db == TestDb.Postgres) Assert.Empty(await PlacesHoldingAsync(id));
    }

    /// <summary>Where the database holds the text: SQLite's file and WAL as bytes; PostgreSQL's text columns of the cases.</summary>
    private async Task<List<string>> PlacesHoldingAsync(string text)
    {
        if (factory.Db == TestDb.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
            await using (var db = factory.NewDbContext()) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
            return new[] { file, file + "-wal" }.Where(File.Exists)
                .Where(f => Contains(File.ReadAllBytes(f), Encoding.UTF8.GetBytes(text))).ToList();
        }
        await using var pg = factory.NewDbContext();
        var hits = await pg.Database.SqlQueryRaw<long>(
            """SELECT c."Id" AS "Value" FROM "ApplicationCases" c WHERE strpos(CAST(c AS text), {0}) > 0""", text).ToListAsync();
        return hits.Select(h => $"ApplicationCases row {h}").ToList();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class PersonalDataOnSqlite(SqlitePortal factory) : PersonalDataTests(factory), IClassFixture<SqlitePortal>;

public sealed class PersonalDataOnPostgres(PostgresPortal factory) : PersonalDataTests(factory), IClassFixture<PostgresPortal>;
