using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
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

    /// <summary>SQLite: FTS5's own check of its index. PostgreSQL: the token index serves a two-character word.</summary>
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
        // Told not to scan the table, the planner must find an index for the word: the GIN index on the token vector.
        command.CommandText = $"SET enable_seqscan = off; EXPLAIN SELECT \"Id\" FROM \"SearchEntries\" WHERE {SearchIndexSql.PostgresVector} @@ CAST('危房' AS tsquery)";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("IX_SearchEntries_Text", StringComparison.Ordinal));
        await using var reset = connection.CreateCommand();
        reset.CommandText = "RESET enable_seqscan;";
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The tokenizer is written twice, in C# (SearchTokens, which SQLite calls) and in SQL for PostgreSQL: on awkward text
    /// the database's function gives exactly the C# tokens, and an entry's vector holds them.
    /// </summary>
    [Theory]
    [InlineData("关于印发《青住建发〔２０２６〕28号》农村危房改造实施方案的通知")]
    [InlineData("ISO9001认证、PM2.5监测和Ａｂｃ；二〇二六年　人々")]
    [InlineData("𠀀𠀁𠀂 x𠀀 Ελλάδα МОСКВА Straße ÀÉÎ")]
    [InlineData("——…！？“”（）【】 \t\n 1.5万元/㎡ ①②③ Ⅷ ﬁ")]
    [InlineData("한국어 テスト ひらがな 税")]
    [InlineData("")]
    public async Task TheDatabaseTokenizer_AgreesWithTheCSharpOne(string text)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var tokens = await db.Database.SqlQueryRaw<string>("SELECT \"SearchTokens\"({0}) AS \"Value\"", text).SingleAsync();
        Assert.Equal(DisclosurePortal.Domain.Search.SearchTokens.Join(text), tokens);
    }

    private PortalDbContext Context(string connectionString)
    {
        return TestDatabases.Context(factory.Db, connectionString);
    }
}

public sealed class SearchIndexOnSqlite(SqlitePortal factory) : SearchIndexTests(factory), IClassFixture<SqlitePortal>;

public sealed class SearchIndexOnPostgres(PostgresPortal factory) : SearchIndexTests(factory), IClassFixture<PostgresPortal>;
