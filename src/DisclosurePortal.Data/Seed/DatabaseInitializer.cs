using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// On start: apply migrations, seed reference data (always), seed demo data (first start, unless turned off). Without demo
/// data a fresh install has no site identity and no account: the portal shows its setup page (issue 20).
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    ReferenceDataSeeder referenceData,
    DemoDataSeeder demoData,
    DemoAccountsSeeder demoAccounts,
    IdentityNumberSealer identityNumbers,
    IConfiguration configuration,
    TimeProvider clock,
    IEnumerable<IDemoDataStep> demoSteps,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL: readers do not block the writer, and a crash loses nothing acknowledged.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (await HandWrittenMigrations.AdoptAsync(db, ct))
            logger.LogInformation("Database made by the hand-written migrations adopted as the generated Baseline (docs/adr/0026)");
        await db.Database.MigrateAsync(ct);
        await identityNumbers.SealAsync(ct); // identity numbers stored in clear before ADR 20
        await AuditChainHead.SealOnStartAsync(db, ct); // audit events from before the chain (docs/adr/0023)
        await referenceData.SeedAsync(ct);
        if (configuration.GetValue("Seed:DemoData", true))
        {
            var fresh = !await db.Departments.AnyAsync(ct);
            await demoData.SeedAsync(ct);
            await DemoSiteIdentity.SeedAsync(db, clock, ct);
            await demoAccounts.SeedAsync();
            if (fresh)
                foreach (var step in demoSteps) await step.SeedAsync(ct);
        }
        logger.LogInformation("Database ready ({Provider})", DatabaseSetup.ProviderFrom(configuration));
    }
}
