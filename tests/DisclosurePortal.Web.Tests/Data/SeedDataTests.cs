using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Data;

public abstract class SeedDataTests(PortalFactory factory)
{
    [Fact]
    public async Task ReferenceData_IsThe26DomainsThe5StagesAndThe2025To2026Calendar()
    {
        _ = factory.Server; // starting the app migrates and seeds
        await using var db = factory.NewDbContext();
        Assert.Equal(PublicPagesTests.DomainNames, await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.NameZh).ToListAsync());
        Assert.Equal(26, await db.Domains.Select(d => d.Code).Distinct().CountAsync());
        Assert.Equal(["decision", "execution", "management", "service", "result"], await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Code).ToListAsync());
        Assert.Equal([2025, 2026], await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());
        Assert.Equal(28 + 33, await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.Off));
        Assert.Equal(5 + 6, await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.Work));
        Assert.True(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 2, 14) && d.Kind == CalendarDayKind.Work));
    }

    [Fact]
    public async Task Seeding_AgainChangesNothing()
    {
        _ = factory.Server;
        await using var before = factory.NewDbContext();
        var counts = (await before.Domains.CountAsync(), await before.CalendarDays.CountAsync(), await before.Records.CountAsync(), await before.CatalogueItems.CountAsync());

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        await using var after = factory.NewDbContext();
        Assert.Equal(counts, (await after.Domains.CountAsync(), await after.CalendarDays.CountAsync(), await after.Records.CountAsync(), await after.CatalogueItems.CountAsync()));
    }

    [Fact]
    public async Task DemoData_CoversEveryDomainAndStage_WithRealisticRecords()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var itemCells = await db.CatalogueItems.Select(i => new { i.DomainId, i.StageId }).Distinct().ToListAsync();
        Assert.Equal(26, itemCells.Select(c => c.DomainId).Distinct().Count());
        Assert.Equal(5, itemCells.Select(c => c.StageId).Distinct().Count());
        Assert.InRange(await db.CatalogueItems.CountAsync(), 100, 150);

        var versions = await db.RecordVersions.Where(v => v.IsPublished).ToListAsync();
        Assert.InRange(versions.Count, 900, 1200);
        Assert.All(versions, v =>
        {
            Assert.DoesNotContain('{', v.Title + v.Body);
            Assert.DoesNotContain("《》", v.Title + v.Body, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(v.Body));
            Assert.True(v.PublishedOn!.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{v.Title} published on a weekend");
            Assert.True(v.WrittenOn <= v.PublishedOn);
        });
        Assert.Equal(versions.Count, versions.Select(v => v.Title).Distinct().Count());
        var documentNumbers = versions.Where(v => v.DocumentNumber != null).Select(v => v.DocumentNumber).ToList();
        Assert.Equal(documentNumbers.Count, documentNumbers.Distinct().Count());

        var indexNumbers = await db.Records.Select(r => r.IndexNumber).ToListAsync();
        Assert.All(indexNumbers, n => Assert.True(IndexNumber.TryParse(n, out _), $"bad 索引号 {n}"));
        Assert.True(await db.Records.AnyAsync(r => r.Kind == RecordKind.PolicyInterpretation));
        Assert.Equal(await db.Records.CountAsync(r => r.Kind == RecordKind.PolicyInterpretation), await db.InterpretationLinks.CountAsync());

        // Nothing went public unreviewed: every step of the default review chain (issue 21 §6) for every published
        // version — the three reviews, and 领导审签 for 规章 and 行政规范性文件.
        var chain = ReviewChain.Default();
        var reviewed = (await db.ReviewDecisions.GroupBy(r => r.RecordVersionId).Select(g => new { g.Key, Steps = g.Select(r => r.Step).Distinct().Count() }).ToListAsync())
            .ToDictionary(r => r.Key, r => r.Steps);
        // A validity changed by a published 规范性文件清理 is a new version published by the clean-up's own approval (Features/PolicyCleanups).
        var byCleanup = await (
            from e in db.PolicyCleanupEntries
            join c in db.PolicyCleanups on e.CleanupId equals c.Id
            where c.State == DisclosurePortal.Domain.PolicyCleanups.CleanupState.Published && e.NewValidity != e.PreviousValidity
            select new { e.RecordId, e.NewValidity }).ToListAsync();
        var reviewedVersions = versions.Where(v => !byCleanup.Any(c => c.RecordId == v.RecordId && c.NewValidity == v.Validity)).ToList();
        Assert.Equal(byCleanup.Count, versions.Count - reviewedVersions.Count);
        Assert.All(reviewedVersions, v => Assert.Equal(chain.StepsFor(v.Kind).Count, reviewed.GetValueOrDefault(v.Id)));
    }
}

public sealed class SeedDataOnSqlite(FreshSqlitePortal factory) : SeedDataTests(factory), IClassFixture<FreshSqlitePortal>;

public sealed class SeedDataOnPostgres(FreshPostgresPortal factory) : SeedDataTests(factory), IClassFixture<FreshPostgresPortal>;
