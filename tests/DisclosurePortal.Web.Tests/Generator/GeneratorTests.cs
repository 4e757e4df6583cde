using System.Net;
using System.Text;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Tools.Generator;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Search.SearchSupport;

namespace DisclosurePortal.Web.Tests.Generator;

/// <summary>
/// The data generator (issue 7) on a fresh database, at a small N, on SQLite (prepared inserts) and PostgreSQL (binary
/// COPY): the counts, a published version for every record with consistent keys, unique 索引号 that the counters
/// continue, the search index rebuilt and its triggers back, the rare and common terms, and the pages on the data.
/// </summary>
public abstract class GeneratorTests(GeneratedPortal factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Generate_WritesTheRequestedCounts_OverAllDomainsAndStages()
    {
        await using var db = factory.NewDbContext();
        // (Another test publishes one record of its own afterwards: generated rows are told by their author.)
        var generated = db.RecordVersions.Where(v => v.CreatedBy == RecordStream.Author);
        Assert.Equal(GeneratedPortal.Records, await db.Records.CountAsync(r => generated.Any(v => v.RecordId == r.Id)));
        Assert.Equal(GeneratedPortal.Records, await generated.CountAsync(v => v.IsPublished && v.IsLatest && v.State == VersionState.Published));
        Assert.Equal(GeneratedPortal.Cases, await db.ApplicationCases.CountAsync());
        Assert.Equal(40, await db.Departments.CountAsync());
        Assert.Equal(26 * 5, await db.CatalogueItems.Select(i => new { i.DomainId, i.StageId }).Distinct().CountAsync());
        Assert.Equal(await db.CatalogueItems.CountAsync(), await db.CatalogueItemRevisions.CountAsync());
        Assert.Equal(GeneratedPortal.Records, factory.Summary.Records);
        Assert.Contains("Largest column: public-resource-trading / result", factory.Output, StringComparison.Ordinal);
        // The published counts (ADR 17) were recounted after the load and their triggers restored.
        var counted = await db.PublishedCounts.GroupBy(c => c.DomainId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).OrderBy(x => x.Key).ToListAsync();
        var actual = await db.RecordVersions.Where(v => v.IsPublished && v.DomainId != null).GroupBy(v => v.DomainId!.Value).Select(g => new { g.Key, Count = g.Count() }).OrderBy(x => x.Key).ToListAsync();
        Assert.Equal(actual, counted);
    }

    [Fact]
    public async Task EveryRecord_HasOnePublishedVersion_FiledWhereItsItemIs()
    {
        await using var db = factory.NewDbContext();
        var mismatched = await (
            from r in db.Records
            join v in db.RecordVersions on r.Id equals v.RecordId
            join i in db.CatalogueItems on v.CatalogueItemId equals i.Id
            where v.DepartmentId != r.DepartmentId || v.CatalogueItemId != r.CatalogueItemId || v.DomainId != r.DomainId
                || v.StageId != r.StageId || v.Kind != r.Kind
                || i.DomainId != v.DomainId || i.StageId != v.StageId || i.DepartmentId != v.DepartmentId
                || v.PublishedOn == null || v.PublishedAt == null
            select r.Id).CountAsync();
        Assert.Equal(0, mismatched);
        Assert.Equal(0, await db.Records.CountAsync(r => !db.RecordVersions.Any(v => v.RecordId == r.Id && v.IsPublished)));
        if (factory.Db == TestDb.Sqlite)
        {
            // PostgreSQL checks every foreign key on COPY; SQLite is asked to check them all now.
            await using var connection = new SqliteConnection(factory.ConnectionString);
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA foreign_key_check;";
            await using var reader = await check.ExecuteReaderAsync();
            Assert.False(await reader.ReadAsync(), "a row breaks a foreign key");
        }
    }

    [Fact]
    public async Task Bodies_AreMarkdownOfOneToFiveKilobytes_AndDatesSpanTenYears()
    {
        await using var db = factory.NewDbContext();
        var versions = await db.RecordVersions.Where(v => v.CreatedBy == RecordStream.Author).Select(v => new { v.Body, v.PublishedOn, v.WrittenOn }).ToListAsync();
        var sizes = versions.Select(v => Encoding.UTF8.GetByteCount(v.Body)).ToList();
        Assert.InRange(sizes.Min(), 1024, 5120);
        Assert.InRange(sizes.Max(), 1024, 5120);
        Assert.Contains(versions, v => v.Body.Contains("### ", StringComparison.Ordinal));
        var dates = versions.Select(v => v.PublishedOn!.Value).ToList();
        Assert.True(dates.Max().DayNumber - dates.Min().DayNumber > 9 * 365, $"{dates.Min()} to {dates.Max()}");
        Assert.All(versions, v => Assert.True(v.WrittenOn <= v.PublishedOn));
    }

    [Fact]
    public async Task IndexNumbers_AreUnique_OfTheDepartmentAndYear_AndTheCountersContinueThem()
    {
        await using var db = factory.NewDbContext();
        var rows = await (from r in db.Records
                          join v in db.RecordVersions on r.Id equals v.RecordId
                          join d in db.Departments on r.DepartmentId equals d.Id
                          where v.CreatedBy == RecordStream.Author
                          select new { r.IndexNumber, v.PublishedOn, d.OrganisationCode }).ToListAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.IndexNumber).Distinct().Count());
        var parsed = rows.Select(r =>
        {
            Assert.True(IndexNumber.TryParse(r.IndexNumber, out var number), r.IndexNumber);
            Assert.Equal(r.OrganisationCode, number!.Value.OrganisationCode);
            Assert.Equal(r.PublishedOn!.Value.Year, number.Value.Year);
            return number.Value;
        }).ToList();
        var counters = await db.IndexNumberCounters.ToDictionaryAsync(c => (c.OrganisationCode, c.Year), c => c.LastSerial);
        var issued = parsed.GroupBy(n => (n.OrganisationCode, n.Year)).ToDictionary(g => g.Key, g => g.Max(n => n.Serial));
        Assert.Equal(issued.OrderBy(x => x.Key).ToList(), counters.OrderBy(x => x.Key).ToList());
        // Serials run 1, 2, 3… per organisation and year, with no gap.
        Assert.All(parsed.GroupBy(n => (n.OrganisationCode, n.Year)), g => Assert.Equal(g.Count(), g.Max(n => n.Serial)));
    }

    [Fact]
    public async Task Interpretations_AreLinkedToPolicies_PublishedWithOrAfterThem()
    {
        await using var db = factory.NewDbContext();
        Assert.True(factory.Summary.Interpretations > 0);
        var links = await (from l in db.InterpretationLinks
                           join iv in db.RecordVersions on l.RecordVersionId equals iv.Id
                           join pv in db.RecordVersions on l.PolicyRecordId equals pv.RecordId
                           where pv.IsPublished
                           select new { l.InterpretationRecordId, iv.RecordId, InterpretationKind = iv.Kind, PolicyKind = pv.Kind, Interpreted = iv.PublishedOn, Policy = pv.PublishedOn })
            .ToListAsync();
        Assert.Equal(factory.Summary.Interpretations, links.Count);
        Assert.Equal(links.Count, await db.RecordVersions.CountAsync(v => v.Kind == RecordKind.PolicyInterpretation));
        Assert.All(links, l =>
        {
            Assert.Equal(l.InterpretationRecordId, l.RecordId);
            Assert.Equal(RecordKind.PolicyInterpretation, l.InterpretationKind);
            Assert.Contains(l.PolicyKind, new[] { RecordKind.NormativeDocument, RecordKind.Regulation });
            Assert.True(l.Interpreted >= l.Policy);
        });
    }

    [Fact]
    public async Task LargestColumn_IsThePrintedOne_AndTheCommonTermIsInManyTitles()
    {
        await using var db = factory.NewDbContext();
        var columns = await (from v in db.RecordVersions
                             join d in db.Domains on v.DomainId equals d.Id
                             join s in db.Stages on v.StageId equals s.Id
                             where v.IsPublished && v.CreatedBy == RecordStream.Author
                             group v by new { Domain = d.Code, Stage = s.Code } into g
                             select new { g.Key.Domain, g.Key.Stage, Count = g.Count() }).ToListAsync();
        var largest = columns.OrderByDescending(c => c.Count).First();
        Assert.Equal((factory.Summary.LargestDomain, factory.Summary.LargestStage, factory.Summary.LargestCount), (largest.Domain, largest.Stage, largest.Count));
        Assert.True(largest.Count > 3 * columns.Average(c => c.Count), "the distribution is skewed");
        var common = await db.RecordVersions.CountAsync(v => v.CreatedBy == RecordStream.Author && v.Title.Contains(GeneratedContent.CommonTerm));
        Assert.Equal(factory.Summary.CommonTitles, common);
        Assert.True(common > GeneratedPortal.Records / 10);
    }

    [Fact]
    public async Task Search_FindsTheRareTermInExactlyTwentyRecords_AndTheNewestTitle()
    {
        var (response, rare) = await SearchAsync(_client, GeneratedContent.RareTerm);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, Total(rare));
        var urls = await AllHitUrlsAsync(_client, "/search?q=" + Uri.EscapeDataString(GeneratedContent.RareTerm));
        Assert.Equal(20, urls.Distinct().Count());
        await using var db = factory.NewDbContext();
        Assert.Equal(20, await db.RecordVersions.CountAsync(v => v.Title.Contains(GeneratedContent.RareTerm)));
        Assert.Equal(20, await db.RecordVersions.CountAsync(v => v.Title.Contains(GeneratedContent.RareTerm) || v.Body.Contains(GeneratedContent.RareTerm.Substring(0, 2))));

        var newest = await db.RecordVersions.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).FirstAsync();
        var (_, byTitle) = await SearchAsync(_client, newest.Title, "&sort=date");
        Assert.Equal($"/records/{newest.RecordId}", HitUrls(byTitle).First());

        var (commonResponse, common) = await SearchAsync(_client, GeneratedContent.CommonTerm);
        Assert.Equal(HttpStatusCode.OK, commonResponse.StatusCode);
        Assert.True((Total(common) ?? int.MaxValue) >= factory.Summary.CommonTitles);
    }

    [Fact]
    public async Task SearchTriggers_AreBack_SoARecordPublishedAfterTheLoadIsFound()
    {
        await using var db = factory.NewDbContext();
        var marker = Marker(5);
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"{marker}生成后发布的公告").Published().SaveAsync();
        var (_, doc) = await SearchAsync(_client, marker);
        Assert.Equal([$"/records/{record.Id}"], HitUrls(doc));
        Assert.Equal(GeneratedPortal.Records + 1, await db.SearchEntries.CountAsync(e => e.RecordId != null));
        Assert.Equal(await db.CatalogueItems.CountAsync(), await db.SearchEntries.CountAsync(e => e.CatalogueItemId != null));
    }

    [Fact]
    public async Task Pages_RenderOnTheGeneratedData()
    {
        await using var db = factory.NewDbContext();
        var summary = factory.Summary;
        var policy = await db.InterpretationLinks.OrderBy(l => l.Id).Select(l => new { l.PolicyRecordId, l.InterpretationRecordId }).FirstAsync();
        var questions = await db.InterpretationQuestions.Select(q => q.RecordVersionId).FirstOrDefaultAsync();
        string[] urls =
        [
            "/",
            $"/domains/{summary.LargestDomain}?stage={summary.LargestStage}",
            $"/domains/{summary.LargestDomain}?stage={summary.LargestStage}&page=3",
            "/domains/elderly-care?stage=service",
            $"/records/{policy.PolicyRecordId}",
            $"/records/{policy.InterpretationRecordId}",
            "/records/1",
            $"/records/{GeneratedPortal.Records}",
            "/departments",
            "/feeds/all.atom",
            "/open-data",
        ];
        if (questions != 0) urls = [.. urls, $"/records/{questions}"];
        foreach (var url in urls)
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var (_, policyPage) = await Html.GetAsync(_client, $"/records/{policy.PolicyRecordId}");
        Assert.NotNull(policyPage.QuerySelector($"a[href='/records/{policy.InterpretationRecordId}']"));
    }

    [Fact]
    public async Task Cases_WentThroughTheStateMachine_AndTheirTrackingPagesRender()
    {
        await using var db = factory.NewDbContext();
        var cases = await db.ApplicationCases.AsNoTracking().Include(c => c.Events).ToListAsync();
        Assert.True(cases.Select(c => c.State).Distinct().Count() >= 3, string.Join(",", cases.Select(c => c.State).Distinct()));
        Assert.Equal(cases.Count, cases.Select(c => c.QueryCode).Distinct().Count());
        Assert.All(cases, c =>
        {
            Assert.Equal(ApplicationEventKind.Submitted, c.Events.OrderBy(e => e.Id).First().Kind);
            Assert.Equal(c.State == ApplicationState.AwaitingConfirmation, c.DueOn is null);
            if (c.State == ApplicationState.Closed) Assert.NotNull(c.ClosedOn);
        });
        foreach (var state in cases.GroupBy(c => c.State))
        {
            var response = await _client.GetAsync($"/track?code={state.First().QueryCode}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{state.Key}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Generate_RefusesADatabaseThatAlreadyHoldsData()
    {
        var e = await Assert.ThrowsAsync<GeneratorException>(() => GeneratedPortal.GenerateAsync(factory, new GeneratorOptions(100, 0)));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.True(await db.Records.CountAsync() >= GeneratedPortal.Records);
    }

    [Fact]
    public async Task SameNumbers_GiveTheSameData()
    {
        var runs = new List<List<string>>();
        for (var run = 0; run < 2; run++)
        {
            await using var fresh = new PortalFactory(factory.Db, demoData: false);
            await GeneratedPortal.GenerateAsync(fresh, new GeneratorOptions(60, 5));
            await using var db = fresh.NewDbContext();
            runs.Add(await db.RecordVersions.OrderBy(v => v.Id)
                .Select(v => v.Title + "|" + v.DocumentNumber + "|" + v.PublishedOn + "|" + v.Body.Length).ToListAsync());
        }
        Assert.Equal(60, runs[0].Count);
        Assert.Equal(runs[0], runs[1]);
    }
}

public sealed class GeneratorOnSqlite(GeneratedSqlitePortal factory) : GeneratorTests(factory), IClassFixture<GeneratedSqlitePortal>;

public sealed class GeneratorOnPostgres(GeneratedPostgresPortal factory) : GeneratorTests(factory), IClassFixture<GeneratedPostgresPortal>;
