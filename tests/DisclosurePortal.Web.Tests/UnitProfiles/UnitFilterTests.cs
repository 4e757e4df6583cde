using System.Globalization;
using System.Net;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>
/// The county's domain page filtered by 公开主体 and 层级 (issue 20 §7): a township's page of a domain lists only its
/// items and records, a level only that level's units', the choice is grouped 县级部门 / 乡镇（街道） / 村（社区）, the
/// pager keeps the filter, and a bad value is the Chinese 400 page.
/// </summary>
public abstract class UnitFilterTests(PortalFactory factory)
{
    private async Task<(int Unit, string Domain, string Stage)> TownshipPlaceAsync(UnitLevel level)
    {
        await using var db = factory.NewDbContext();
        var row = await (from v in db.PublishedVersions
                         join d in db.Departments on v.DepartmentId equals d.Id
                         join dom in db.Domains on v.DomainId equals dom.Id
                         join s in db.Stages on v.StageId equals s.Id
                         where d.Level == level
                         orderby v.Id
                         select new { d.Id, Domain = dom.Code, Stage = s.Code }).FirstAsync();
        return (row.Id, row.Domain, row.Stage);
    }

    private async Task<List<int>> ListedUnitsAsync(AngleSharp.Dom.IDocument page)
    {
        var ids = page.QuerySelectorAll("#records-title ~ * a[href^='/records/']")
            .Select(a => int.Parse(a.GetAttribute("href")!["/records/".Length..].Split('?', '#')[0], CultureInfo.InvariantCulture)).ToList();
        await using var db = factory.NewDbContext();
        return await db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.DepartmentId).Distinct().ToListAsync();
    }

    [Fact]
    public async Task TheSearchPage_GroupsItsUnitsByLevel_AndFindsATownshipsRecordsByIt()
    {
        var (town, _, _) = await TownshipPlaceAsync(UnitLevel.Township);
        var client = Browserish.NewClient(factory);
        var (_, page) = await Html.GetAsync(client, "/search");
        var groups = page.QuerySelectorAll("#search-department optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["县级部门", "乡镇（街道）", "村（社区）"], groups);
        Assert.NotNull(page.QuerySelector($"#search-department optgroup[label='乡镇（街道）'] option[value='{town}']"));

        string title;
        await using (var db = factory.NewDbContext())
            title = await db.PublishedVersions.Where(v => v.DepartmentId == town).OrderBy(v => v.Id).Select(v => v.Title).FirstAsync();
        var (response, found) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString(title)}&department={town}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(found.QuerySelectorAll("a[href^='/records/']"));
        Assert.All(found.QuerySelectorAll(".hit-department"), d => Assert.Equal(found.QuerySelector($"#search-department option[value='{town}']")!.TextContent.Trim(), d.TextContent.Trim()));
    }

    [Fact]
    public async Task TheDomainPage_ByUnitAndByLevel_ListsOnlyTheirRecords()
    {
        var (town, domain, stage) = await TownshipPlaceAsync(UnitLevel.Township);
        var client = Browserish.NewClient(factory);
        var path = $"/domains/{domain}?stage={stage}";

        var (all, allPage) = await Html.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var groups = allPage.QuerySelectorAll("select[name=unit] optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["县级部门", "乡镇（街道）", "村（社区）"], groups);

        var (byUnit, unitPage) = await Html.GetAsync(client, $"{path}&unit={town}");
        Assert.Equal(HttpStatusCode.OK, byUnit.StatusCode);
        Assert.Equal([town], await ListedUnitsAsync(unitPage));
        Assert.Equal(town.ToString(CultureInfo.InvariantCulture), unitPage.QuerySelector("select[name=unit] option[selected]")!.GetAttribute("value"));
        // The stage tabs keep the filter, and the selected tab counts the unit's records only.
        Assert.All(unitPage.QuerySelectorAll(".stage-tabs a"), a => Assert.Matches($"^/domains/{domain}\\?(?=.*stage=\\w+)(?=.*unit={town}).*$", a.GetAttribute("href")));
        var (_, plain) = await Html.GetAsync(client, path);
        Assert.All(plain.QuerySelectorAll(".stage-tabs a"), a => Assert.Matches($"^/domains/{domain}\\?stage=\\w+$", a.GetAttribute("href")));
        await using (var counts = factory.NewDbContext())
        {
            var domainId = await counts.Domains.Where(d => d.Code == domain).Select(d => d.Id).SingleAsync();
            var stageId = await counts.Stages.Where(s => s.Code == stage).Select(s => s.Id).SingleAsync();
            var own = await counts.PublishedVersions.CountAsync(v => v.DepartmentId == town && v.DomainId == domainId && v.StageId == stageId);
            Assert.Contains($"/ {own} 条", unitPage.QuerySelector(".stage-tabs a[aria-current=page] .tab-count")!.TextContent, StringComparison.Ordinal);
        }

        var (byLevel, levelPage) = await Html.GetAsync(client, $"{path}&level=Township");
        Assert.Equal(HttpStatusCode.OK, byLevel.StatusCode);
        var listed = await ListedUnitsAsync(levelPage);
        Assert.NotEmpty(listed);
        await using var db = factory.NewDbContext();
        Assert.True(await db.Departments.Where(d => listed.Contains(d.Id)).AllAsync(d => d.Level == UnitLevel.Township));
        var (_, county) = await Html.GetAsync(client, $"{path}&level=County");
        Assert.DoesNotContain(town, await ListedUnitsAsync(county));
    }

    [Theory]
    [InlineData("unit=abc", "公开主体筛选条件无效。")]
    [InlineData("unit=999999", "公开主体筛选条件无效。")]
    [InlineData("level=Province", "层级筛选条件无效，应为县级、乡级或村级。")]
    public async Task ABadUnitOrLevel_IsA400WithTheReason(string query, string message)
    {
        var (_, domain, stage) = await TownshipPlaceAsync(UnitLevel.Township);
        var response = await Browserish.NewClient(factory).GetAsync($"/domains/{domain}?stage={stage}&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class UnitFiltersOnSqlite(SqlitePortal factory) : UnitFilterTests(factory), IClassFixture<SqlitePortal>;

public sealed class UnitFiltersOnPostgres(PostgresPortal factory) : UnitFilterTests(factory), IClassFixture<PostgresPortal>;
