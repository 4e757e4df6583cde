using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The published counts (docs/adr/0017) are kept by triggers: after the demo seed and after publishing, withdrawing,
/// replacing and deleting, they equal a count of the published versions, on SQLite and PostgreSQL; and the public
/// pages show those counts.
/// </summary>
public abstract class PublishedCountsTests(PortalFactory factory)
{
    [Fact]
    public async Task Counts_FollowEveryChangeOfWhatIsPublished()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        await AssertCountsMatchAsync(db);

        var items = await db.CatalogueItems.OrderBy(i => i.Id).Take(2).ToListAsync();
        var (_, published) = await new RecordBuilder(db, factory.Clock).Under(items[0]).Published().SaveAsync();
        var (_, draft) = await new RecordBuilder(db, factory.Clock).Under(items[1]).SaveAsync();
        await AssertCountsMatchAsync(db);

        published.Withdraw("测试撤回", factory.Clock.GetUtcNow());
        draft.Submit(factory.Clock.GetUtcNow());
        draft.Publish(new DateOnly(2026, 11, 2), factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        await AssertCountsMatchAsync(db);

        // A bulk change and a delete (what a repair or an import might do) are counted too.
        await db.RecordVersions.Where(v => v.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.CatalogueItemId, items[0].Id));
        await AssertCountsMatchAsync(db);
        await db.ReviewDecisions.Where(r => r.RecordVersionId == draft.Id).ExecuteDeleteAsync();
        await db.RecordVersions.Where(v => v.Id == draft.Id).ExecuteDeleteAsync();
        await AssertCountsMatchAsync(db);
    }

    [Fact]
    public async Task HomeAndDomainPages_ShowTheCounts()
    {
        var client = factory.CreateClient();
        await using var db = factory.NewDbContext();
        var total = await db.RecordVersions.CountAsync(v => v.IsPublished);
        var (_, home) = await Html.GetAsync(client, "/");
        Assert.Contains(total.ToString(System.Globalization.CultureInfo.InvariantCulture), home.Body!.TextContent, StringComparison.Ordinal);

        var domain = await db.Domains.OrderBy(d => d.SortOrder).FirstAsync();
        var inDomain = await db.RecordVersions.CountAsync(v => v.IsPublished && v.DomainId == domain.Id);
        var (_, page) = await Html.GetAsync(client, $"/domains/{domain.Code}");
        Assert.Contains($"本领域已公开信息 {inDomain} 条。", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task AssertCountsMatchAsync(PortalDbContext db)
    {
        var expected = await db.RecordVersions.Where(v => v.IsPublished)
            .GroupBy(v => new { v.CatalogueItemId, v.DomainId, v.StageId, v.DepartmentId })
            // A record filed in a column only is counted under item, domain and stage 0 (PublishedCountsSql, ADR 32).
            .Select(g => $"{g.Key.CatalogueItemId ?? 0}/{g.Key.DomainId ?? 0}/{g.Key.StageId ?? 0}/{g.Key.DepartmentId}:{g.Count()}").ToListAsync();
        var actual = await db.PublishedCounts.Where(c => c.Count != 0)
            .Select(c => $"{c.CatalogueItemId}/{c.DomainId}/{c.StageId}/{c.DepartmentId}:{c.Count}").ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}

public sealed class PublishedCountsOnSqlite(SqlitePortal factory) : PublishedCountsTests(factory), IClassFixture<SqlitePortal>;

public sealed class PublishedCountsOnPostgres(PostgresPortal factory) : PublishedCountsTests(factory), IClassFixture<PostgresPortal>;
