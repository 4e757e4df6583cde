using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// The next 索引号 serial of an organisation's year (ADR 5), taken inside the caller's transaction by one atomic
/// <c>UPDATE … RETURNING</c> on the counter row (created first if the year has none). Simultaneous submissions queue
/// on that row — PostgreSQL's row lock, SQLite's single writer — and each gets the next number; they no longer read the
/// counter, race, and retry (eight at once could lose more often than the retries allowed, and the last loser got a 500).
/// </summary>
internal static class IndexNumberSerials
{
    public static async Task<int> NextAsync(PortalDbContext db, string organisation, int year, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            // T-SQL has neither ON CONFLICT nor RETURNING: the key-range lock (UPDLOCK, HOLDLOCK) makes the check and the
            // insert one step, and OUTPUT returns the new serial (docs/adr/0027; not run here: no SQL Server).
            await db.Database.ExecuteSqlAsync(
                $"""
                IF NOT EXISTS (SELECT 1 FROM [IndexNumberCounters] WITH (UPDLOCK, HOLDLOCK) WHERE [OrganisationCode] = {organisation} AND [Year] = {year})
                    INSERT INTO [IndexNumberCounters] ([OrganisationCode], [Year], [LastSerial]) VALUES ({organisation}, {year}, 0);
                """, ct);
            return (await db.Database.SqlQuery<int>(
                $"""UPDATE [IndexNumberCounters] SET [LastSerial] = [LastSerial] + 1 OUTPUT INSERTED.[LastSerial] AS [Value] WHERE [OrganisationCode] = {organisation} AND [Year] = {year}""")
                .ToListAsync(ct)).Single();
        }
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "IndexNumberCounters" ("OrganisationCode", "Year", "LastSerial") VALUES ({organisation}, {year}, 0) ON CONFLICT ("OrganisationCode", "Year") DO NOTHING""",
            ct);
        var serials = await db.Database.SqlQuery<int>(
            $"""UPDATE "IndexNumberCounters" SET "LastSerial" = "LastSerial" + 1 WHERE "OrganisationCode" = {organisation} AND "Year" = {year} RETURNING "LastSerial" AS "Value" """)
            .ToListAsync(ct);
        return serials.Single();
    }
}
