using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Data;

/// <summary>
/// Databases made before the migrations were generated (docs/adr/0026): their history lists the ten migrations that were
/// written by hand (ADR 1, superseded), and their schema is the one each provider's generated Baseline creates
/// (MigrationSchemaTests and UpgradeTests prove it). On start, such a database is adopted in place: in one transaction its
/// history is rewritten to the Baseline, and later migrations then apply as to any other database. Nothing else is touched.
/// </summary>
public static class HandWrittenMigrations
{
    /// <summary>The hand-written migrations, oldest first; the last is the schema the Baseline equals.</summary>
    public static readonly IReadOnlyList<string> Ids =
    [
        "20261122050000_InitialSchema",
        "20261122060000_Identity",
        "20261122070000_ApplicationCaseWorkflow",
        "20261130090000_ApplicationFees",
        "20261130100000_SearchIndex",
        "20261130110000_InterpretationDetails",
        "20261130130000_AnnualReportReview",
        "20261201090000_PublishedCounts",
        "20261203120000_AuditChain",
        "20261204120000_ApplicantIdentityProtection",
    ];

    /// <summary>Rewrites a hand-written history to the Baseline; does nothing on any other database. Returns whether it did.</summary>
    public static async Task<bool> AdoptAsync(PortalDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var handWritten = Ids.Where(applied.Contains).ToList();
        if (handWritten.Count == 0) return false;
        if (handWritten.Count != Ids.Count)
        {
            throw new InvalidOperationException(
                $"This database was made by a version of the portal older than 2026-12-04 (its last migration is {handWritten[^1]}). " +
                $"Start the release of 2026-12-05 on it once (it applies {Ids[^1]}), then this version.");
        }
        var baseline = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        var statements = Ids.Select(history.GetDeleteScript)
            .Append(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())))
            .ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var sql in statements)
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
