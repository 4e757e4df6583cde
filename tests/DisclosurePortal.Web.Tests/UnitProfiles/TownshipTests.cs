using System.Net;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>
/// Townships and villages (issue 20 §7): the administrator places a unit in the hierarchy through the department form
/// (a village belongs to a township, refused beside the field otherwise); a township's entry page and a village's
/// 村务公开 board show their own records; the department list filters by level.
/// </summary>
public abstract class TownshipTests(PortalFactory factory)
{
    private async Task<(int Township, int Village)> DemoUnitsAsync()
    {
        await using var db = factory.NewDbContext();
        return (await db.Departments.Where(d => d.Level == UnitLevel.Township).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                await db.Departments.Where(d => d.Level == UnitLevel.Village).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
    }

    [Fact]
    public async Task DepartmentForm_AVillageWithoutATownship_IsRefusedBesideTheField_ThenPlacedUnderOne()
    {
        var (township, _) = await DemoUnitsAsync();
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = DepartmentFields();
        fields["Level"] = nameof(UnitLevel.Village);
        var refused = await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var doc = await Html.ParseAsync(refused);
        Assert.Contains("村（社区）的上级单位应为乡镇（街道）。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fields["Name"], doc.QuerySelector("input[name=Name]")!.GetAttribute("value"));

        fields["ParentId"] = township.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = factory.NewDbContext();
        var saved = await db.Departments.AsNoTracking().SingleAsync(d => d.Name == fields["Name"]);
        Assert.Equal(UnitLevel.Village, saved.Level);
        Assert.Equal(township, saved.ParentId);

        // The township now has a village: it cannot become a county unit.
        var edit = $"/admin/departments/{township}/edit";
        var demoted = await Browserish.PostFormAsync(admin, edit, edit, new Dictionary<string, string> { ["Level"] = nameof(UnitLevel.County), ["ParentId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
    }

    [Fact]
    public async Task TownshipAndVillagePages_ShowTheirOwnRecords_AndTheListFiltersByLevel()
    {
        var (township, village) = await DemoUnitsAsync();
        var client = Browserish.NewClient(factory);
        var (page, doc) = await Html.GetAsync(client, $"/townships/{township}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(doc.QuerySelectorAll("#records-title ~ * a[href^='/records/']"));
        Assert.Contains("镇长", doc.QuerySelector("#profile")!.TextContent, StringComparison.Ordinal);
        var (board, villageDoc) = await Html.GetAsync(client, $"/villages/{village}");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("村级财务收支公开", villageDoc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // A county department is not a township page; a bad filter is a 400 with the reason.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/townships/{village}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/departments?level=Province")).StatusCode);
        var (_, list) = await Html.GetAsync(client, "/departments?level=Township");
        var links = list.QuerySelectorAll(".department-grid a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/townships/{township}", links);
        Assert.DoesNotContain(links, l => l!.StartsWith("/departments/", StringComparison.Ordinal));
    }
}

public sealed class TownshipsOnSqlite(SqlitePortal factory) : TownshipTests(factory), IClassFixture<SqlitePortal>;

public sealed class TownshipsOnPostgres(PostgresPortal factory) : TownshipTests(factory), IClassFixture<PostgresPortal>;
