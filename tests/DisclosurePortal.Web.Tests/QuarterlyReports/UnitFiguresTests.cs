using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.QuarterlyReports;

/// <summary>
/// The quarterly and annual figures drawn per unit (issue 20 §7): a township's 按季通报 with its villages, a level's,
/// and the annual report's Tables 二（一）and 三 per unit, on units of their own with known facts.
/// </summary>
public abstract class UnitFiguresTests(PortalFactory factory)
{
    private sealed record Units(int County, int Township, int Village, int OtherTownship);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string Code(string prefix) =>
        prefix + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// In 2025 Q4: the county unit one record on time; the township one on time; its village one missing; the other
    /// township one late. In 2025: one application to the township and one to the county unit; a normative document
    /// issued by the township.
    /// </summary>
    private async Task<Units> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var now = factory.Clock.GetUtcNow();
        Department Unit(string name, string prefix)
        {
            var code = Code(prefix);
            var d = new Department(name + code[^4..], name, code, name[..2] + "发", 990);
            db.Departments.Add(d);
            return d;
        }
        var county = Unit("分单位县局", "1151107");
        var township = Unit("分单位镇", "1151106");
        var other = Unit("分单位乡", "1151105");
        await db.SaveChangesAsync();
        township.PlaceIn(UnitLevel.Township, null);
        other.PlaceIn(UnitLevel.Township, null);
        var village = Unit("分单位村", "1151104");
        await db.SaveChangesAsync();
        village.PlaceIn(UnitLevel.Village, township);
        await db.SaveChangesAsync();

        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var elements = new CatalogueItemElements
        {
            NameLevel1 = "分单位测试", NameLevel2 = "测试事项", Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "形成或变更之日起20个工作日内", TimeLimit = TimeLimitRule.Statutory,
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.Township, Frequency = UpdateFrequency.RealTime,
        };

        async Task RecordAsync(Department unit, string formed, string? published, RecordKind kind = RecordKind.Notice)
        {
            var item = CatalogueItem.Create(elements, unit.Id, domain, stage, now);
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            var record = Record.Create(unit.Id, item.Id, domain, stage, kind, now);
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = $"分单位测试{Guid.NewGuid():N}", IssuingOrgan = unit.Name, WrittenOn = D(formed), Body = "正文。",
            }, "测试", now);
            if (published is not null)
            {
                version.Submit(now);
                version.Publish(D(published), now);
            }
            db.RecordVersions.Add(version);
            await db.SaveChangesAsync();
        }

        await RecordAsync(county, "2025-11-03", "2025-11-05");      // on time
        await RecordAsync(township, "2025-11-03", "2025-11-05");    // on time
        await RecordAsync(village, "2025-11-03", null);             // due in December, never published: missing
        await RecordAsync(other, "2025-11-03", "2026-01-05");       // late
        await RecordAsync(township, "2025-05-06", "2025-05-08", RecordKind.NormativeDocument);

        var calendar = await CalendarLoader.LoadAsync(db);
        foreach (var unit in new[] { township, county })
        {
            var received = D("2025-03-03");
            var c = ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "孙八", Contact = "13900000000",
                InformationDescription = "分单位测试申请", Channel = ApplicationChannel.InPerson,
            }, "QR" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, received);
            c.Assign(unit.Id, unit.Name, "测试", now);
            c.Reply(ReplyType.Disclosed, "答复内容。", D("2025-03-10"), "测试", now);
            db.ApplicationCases.Add(c);
        }
        await db.SaveChangesAsync();
        return new Units(county.Id, township.Id, village.Id, other.Id);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Quarterly_ForATownship_CoversItAndItsVillages_RankedAmongThemselves()
    {
        var u = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, $"/reports/quarterly/2025/q4?unit={u.Township}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = doc.QuerySelectorAll("#summary tbody tr").Select(r => r.GetAttribute("data-department")).ToList();
        Assert.Equal([Id(u.Township), Id(u.Village)], lines);
        Assert.Equal(["1", "2"], doc.QuerySelectorAll("#summary tbody tr").Select(r => r.GetAttribute("data-rank")));
        Assert.Equal("2", doc.QuerySelector("#summary tfoot [data-col='due']")!.TextContent);
        Assert.Equal("1", doc.QuerySelector("#summary tfoot [data-col='missing']")!.TextContent);
        Assert.Contains("及其所辖村（社区）", doc.QuerySelector("#report-scope")!.TextContent, StringComparison.Ordinal);
        // The filter form shows the choice, and the previous quarter keeps it.
        Assert.Equal(Id(u.Township), doc.QuerySelector("#unit-filter-unit option[selected]")!.GetAttribute("value"));
        Assert.Equal($"/reports/quarterly/2025/q3?unit={u.Township}", doc.QuerySelector(".quarter-nav a")!.GetAttribute("href"));

        var (_, village) = await Html.GetAsync(reviewer, $"/reports/quarterly/2025/q4?unit={u.Village}");
        Assert.Equal([Id(u.Village)], village.QuerySelectorAll("#summary tbody tr").Select(r => r.GetAttribute("data-department")));
        Assert.DoesNotContain("所辖", village.QuerySelector("#report-scope")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarterly_ForALevel_ListsThatLevelsUnitsOnly()
    {
        var u = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, "/reports/quarterly/2025/q4?level=Township");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = doc.QuerySelectorAll("#summary tbody tr").Select(r => r.GetAttribute("data-department")).ToList();
        Assert.Contains(Id(u.Township), lines);
        Assert.Contains(Id(u.OtherTownship), lines);
        Assert.DoesNotContain(Id(u.Village), lines);
        Assert.DoesNotContain(Id(u.County), lines);
        Assert.DoesNotContain("unassigned", lines);
        Assert.Contains("乡级", doc.QuerySelector("#report-scope")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/quarterly/2025/q4?unit=999999", "公开主体筛选条件无效。")]
    [InlineData("/reports/quarterly/2025/q4?unit=abc", "公开主体筛选条件无效。")]
    [InlineData("/reports/quarterly/2025/q4?level=Town", "层级筛选条件无效，应为县级、乡级或村级。")]
    [InlineData("/reports/annual/2025/units?unit=999999", "公开主体筛选条件无效。")]
    [InlineData("/reports/annual/2025/units?level=-1", "层级筛选条件无效，应为县级、乡级或村级。")]
    public async Task BadUnitOrLevel_IsA400_WithAChineseMessage(string url, string message)
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annual_Overview_HasALinePerUnit_AndAUnitsPageHasItsOwnTables()
    {
        var u = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, "/reports/annual/2025/units");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Cell(int unit, string col) => doc.QuerySelector($"#unit-figures tr[data-unit='{unit}'] [data-col='{col}']")!.TextContent;
        Assert.Equal("1", Cell(u.Township, "new"));
        Assert.Equal("1", Cell(u.Township, "decided"));
        Assert.Equal("1", Cell(u.Township, "issued"));
        Assert.Equal("1", Cell(u.County, "new"));
        Assert.Equal("0", Cell(u.County, "issued"));
        Assert.Equal("0", Cell(u.Village, "new"));
        // The applications nobody was assigned are on a line of their own, so the lines add up to the county's Table 三.
        var county = await Html.GetAsync(reviewer, "/reports/annual/2025");
        var countyNew = int.Parse(county.Item2.QuerySelector("#table3 tr[data-row='NewThisYear'] td[data-column='6']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var linesNew = doc.QuerySelectorAll("#unit-figures tr[data-unit] [data-col='new']").Sum(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(countyNew, linesNew);

        Assert.Equal($"/reports/annual/2025/units?unit={u.Township}", doc.QuerySelector($"#unit-figures tr[data-unit='{u.Township}'] a")!.GetAttribute("href"));
        var (_, township) = await Html.GetAsync(reviewer, $"/reports/annual/2025/units?unit={u.Township}");
        Assert.Equal("1", township.QuerySelector("#table3 tr[data-row='NewThisYear'] td[data-column='6']")!.TextContent);
        Assert.Equal("1", township.QuerySelector("#table3 tr[data-row='Disclosed'] td[data-column='0']")!.TextContent);
        Assert.Equal(["1", "0", "1"], township.QuerySelectorAll("#table2 tr[data-row='NormativeDocuments'] td").Select(c => c.TextContent));
        Assert.Contains("及其所辖村（社区）", township.QuerySelector("#report-scope")!.TextContent, StringComparison.Ordinal);

        var (_, other) = await Html.GetAsync(reviewer, $"/reports/annual/2025/units?unit={u.OtherTownship}");
        Assert.Equal("0", other.QuerySelector("#table3 tr[data-row='NewThisYear'] td[data-column='6']")!.TextContent);

        // The draft page links to it.
        var (_, draft) = await Html.GetAsync(reviewer, "/reports/annual/2025");
        Assert.Equal("/reports/annual/2025/units", draft.QuerySelector("#unit-figures-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Quarterly_AUnitsEditors_ReadTheirOwnLine_ATownshipsAlsoItsVillages_AndNoOneElses()
    {
        int housing, qingxi, village;
        await using (var db = factory.NewDbContext())
        {
            housing = await db.Departments.Where(d => d.Name.Contains("住房和城乡建设")).Select(d => d.Id).FirstAsync();
            qingxi = await db.Departments.Where(d => d.OrganisationCode == "11511099MB0023456T").Select(d => d.Id).SingleAsync();
            village = await db.Departments.Where(d => d.ParentId == qingxi && d.Level == UnitLevel.Village).Select(d => d.Id).FirstAsync();
        }
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, dashboard) = await Html.GetAsync(editor, "/manage");
        var own = dashboard.QuerySelector("#own-quarterly a")!.GetAttribute("href")!;
        Assert.EndsWith($"/departments/{housing}", own, StringComparison.Ordinal);
        var (page, doc) = await Html.GetAsync(editor, own);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(doc.QuerySelector("#department-summary"));
        // The office's pages are not linked for an editor (they would refuse them).
        Assert.Null(doc.QuerySelector("nav a[href='/reports/quarterly']"));
        var (refused, refusal) = await Html.GetAsync(editor, $"/reports/quarterly/2025/q4/departments/{qingxi}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("您只能查看本单位的按季通报。", refusal.Body!.TextContent, StringComparison.Ordinal);

        var township = await Browserish.SignedInAsync(factory, "editor.qingxi");
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/reports/quarterly/2025/q4/departments/{village}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync($"/reports/quarterly/2025/q4/departments/{housing}")).StatusCode);
    }

    [Fact]
    public async Task Annual_UnitFigures_AreTheOfficesOnly()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var response = await editor.GetAsync("/reports/annual/2025/units");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class UnitFiguresTestsOnSqlite(SqlitePortal factory) : UnitFiguresTests(factory), IClassFixture<SqlitePortal>;

public sealed class UnitFiguresTestsOnPostgres(PostgresPortal factory) : UnitFiguresTests(factory), IClassFixture<PostgresPortal>;
