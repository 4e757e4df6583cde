using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Search;

/// <summary>
/// The index itself: the demo seeder leaves it filled, a database that already had content gets it indexed by the
/// migration, and the database's own full-text structure is the one the search uses — on SQLite and PostgreSQL.
/// </summary>
public abstract class SearchIndexTests(PortalFactory factory)
{
    [Fact]
    public async Task DemoSeed_LeavesEveryPublishedVersionAndActiveItemIndexed_AndNothingElse()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var published = await db.RecordVersions.Where(v => v.IsPublished).Select(v => v.Id).OrderBy(id => id).ToListAsync();
        var indexed = await db.SearchEntries.Where(e => e.Kind == SearchEntryKind.Record).Select(e => e.RecordVersionId!.Value).OrderBy(id => id).ToListAsync();
        Assert.Equal(published, indexed);
        var items = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active).Select(i => i.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(items, await db.SearchEntries.Where(e => e.Kind == SearchEntryKind.CatalogueItem).Select(e => e.CatalogueItemId!.Value).OrderBy(id => id).ToListAsync());

        // Every entry carries its record's 索引号 and sorts by 发布日期 (its id), newest first when descending.
        var rows = await (from e in db.SearchEntries
                          join r in db.Records on e.RecordId equals r.Id
                          where e.Kind == SearchEntryKind.Record
                          select new { e.Id, e.IndexNumber, RecordIndexNumber = r.IndexNumber, e.PublishedOn }).ToListAsync();
        Assert.All(rows, r => Assert.Equal(r.RecordIndexNumber, r.IndexNumber));
        var byId = rows.OrderByDescending(r => r.Id).Select(r => r.PublishedOn!.Value).ToList();
        Assert.Equal(byId.OrderDescending(), byId);

        await AssertFullTextIndexMatchesAsync(db);
    }

    [Fact]
    public async Task MigratingAnExistingDatabase_IndexesWhatItHadAlreadyPublished()
    {
        var connectionString = TestDatabases.Create(factory.Db, "backfill");
        await using var db = Context(connectionString);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122070000_ApplicationCaseWorkflow");

        db.Domains.Add(new DisclosureDomain(1, "rural-dilapidated-housing", "农村危房改造", "Rural housing", 1));
        db.Stages.Add(new DisclosureStage(1, "result", "结果", "Result", 1));
        var department = new Department("青川县住房和城乡建设局", "住建局", "11511099022152793X", "青建发", 1);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        var elements = new CatalogueItemElements
        {
            NameLevel1 = "农村危房改造", NameLevel2 = "补助对象审核结果", Content = "补助对象名单", Basis = "《农村危房改造补助资金管理办法》",
            TimeLimitText = "形成或变更之日起20个工作日内", TimeLimit = new TimeLimitRule(TimeLimitKind.WorkingDaysAfterFormed, 20),
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        };
        var item = CatalogueItem.Create(elements, department.Id, 1, 1, DateTimeOffset.UtcNow);
        var retired = CatalogueItem.Create(elements with { NameLevel2 = "已停用的旧事项" }, department.Id, 1, 1, DateTimeOffset.UtcNow);
        retired.Retire("合并", DateTimeOffset.UtcNow);
        db.CatalogueItems.AddRange(item, retired);
        await db.SaveChangesAsync();
        var now = DateTimeOffset.UtcNow;
        var published = Record.Create(department.Id, item.Id, 1, 1, RecordKind.Notice, now);
        var draft = Record.Create(department.Id, item.Id, 1, 1, RecordKind.Notice, now);
        db.Records.AddRange(published, draft);
        await db.SaveChangesAsync();
        var live = RecordVersion.CreateDraft(published, 1, new RecordMetadata { Title = "桃园镇农村危房改造补助对象公示", IssuingOrgan = "住建局", Body = "经审核，张三等户符合条件。" }, "测试", now);
        live.Submit(now);
        live.Publish(new DateOnly(2026, 5, 6), now);
        var unpublished = RecordVersion.CreateDraft(draft, 1, new RecordMetadata { Title = "尚未发布的危房改造草稿", IssuingOrgan = "住建局", Body = "草稿。" }, "测试", now);
        db.RecordVersions.AddRange(live, unpublished);
        // The schema of that time has no VideoUrl (a later migration adds it) but today's model writes it: lend the
        // column for this insert and take it back before migrating on.
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"RecordVersions\" ADD COLUMN \"VideoUrl\" varchar(500) NULL");
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"RecordVersions\" DROP COLUMN \"VideoUrl\"");

        await migrator.MigrateAsync();

        var entries = await db.SearchEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(SearchEntryKind.CatalogueItem, (int?)null, (int?)item.Id), (SearchEntryKind.Record, live.Id, null)],
            entries.Select(e => (e.Kind, e.RecordVersionId, e.CatalogueItemId)));
        ISearchIndex index = factory.Db == TestDb.Sqlite ? new SqliteSearchIndex(db, new SearchSettings()) : new PostgresSearchIndex(db, new SearchSettings());
        foreach (var word in new[] { "危房改造补助", "危房" })
        {
            Assert.True(SearchTerms.TryParse(word, out var terms, out _));
            var results = await index.SearchAsync(new SearchQuery(terms, new SearchFilters(), SearchSort.Relevance, 1, 20), CancellationToken.None);
            Assert.Equal([live.RecordId, (int?)null], results.Hits.Select(h => h.RecordId));
            Assert.Equal(item.Id, results.Hits[1].CatalogueItemId);
        }
        await AssertFullTextIndexMatchesAsync(db);
    }

    /// <summary>SQLite: FTS5's own check that its index agrees with the SearchEntries rows. PostgreSQL: the trigram index serves a word.</summary>
    private async Task AssertFullTextIndexMatchesAsync(PortalDbContext db)
    {
        if (factory.Db == TestDb.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SearchText\" (\"SearchText\", rank) VALUES ('integrity-check', 1);");
            return;
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Told not to scan the table, the planner must find an index for the word: the trigram index on the very expression searched.
        command.CommandText = $"SET enable_seqscan = off; EXPLAIN SELECT \"Id\" FROM \"SearchEntries\" WHERE {SearchIndexSql.PostgresText} ILIKE '%危房改造%'";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("IX_SearchEntries_Text", StringComparison.Ordinal));
        await using var reset = connection.CreateCommand();
        reset.CommandText = "RESET enable_seqscan;";
        await reset.ExecuteNonQueryAsync();
    }

    private PortalDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, factory.Db == TestDb.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL, connectionString);
        return new PortalDbContext(options.Options);
    }
}

public sealed class SearchIndexOnSqlite(SqlitePortal factory) : SearchIndexTests(factory), IClassFixture<SqlitePortal>;

public sealed class SearchIndexOnPostgres(PostgresPortal factory) : SearchIndexTests(factory), IClassFixture<PostgresPortal>;
