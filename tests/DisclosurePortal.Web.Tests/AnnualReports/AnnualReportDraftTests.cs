using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.AnnualReports;

public abstract class AnnualReportDraftTests(PortalFactory factory)
{
    internal static Dictionary<string, string> ValidFields(string version = "0")
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = version, ["Overview"] = "本年度全面推进政务公开。", ["Problems"] = "公开内容的及时性有待提高。", ["OtherMatters"] = "无。",
            ["Licensing"] = "120", ["Penalty"] = "35", ["Coercion"] = "4", ["Fees"] = "12.50",
        };
        int[] t4 = [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1];
        for (var i = 0; i < 15; i++) fields[$"Table4[{i}]"] = t4[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    [Fact]
    public async Task TheDraft_ComputesTable3FromTheCases_LaidOutLikeTheOfficialTable_AndConsistent()
    {
        var year = new CaseYear(2024);
        await year.WriteAsync(factory);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, page) = await Html.GetAsync(reviewer, "/reports/annual/2024");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var kinds = Enum.GetValues<ApplicantKind>().Order().ToList();
        foreach (var row in ApplicationTable.Rows)
        {
            var cells = page.QuerySelectorAll($"#table3 tr[data-row={row}] td").Select(td => td.Text()).ToList();
            Assert.Equal(7, cells.Count);
            for (var i = 0; i < kinds.Count; i++)
                Assert.True(year.Expected(row, kinds[i]).ToString(System.Globalization.CultureInfo.InvariantCulture) == cells[i], $"{row} {kinds[i]}: expected {year.Expected(row, kinds[i])}, page shows {cells[i]}");
            Assert.Equal(year.ExpectedTotal(row).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[6]);
        }
        // Sanity of the fixture itself: every outcome row has a case, both ends of the year carry cases.
        Assert.All(ApplicationTable.Rows, r => Assert.True(year.ExpectedTotal(r) > 0, $"no case for {r}"));
        Assert.Null(page.QuerySelector("#inconsistencies"));
        Assert.NotNull(page.QuerySelector("#consistency-ok"));

        // The official header: 法人或其他组织 spans its five columns; 三 spans its 22 outcome lines.
        Assert.Equal("5", page.QuerySelectorAll("#table3 thead th").Single(th => th.Text() == "法人或其他组织").GetAttribute("colspan"));
        Assert.Equal("22", page.QuerySelectorAll("#table3 tbody th").Single(th => th.Text() == "三、本年度办理结果").GetAttribute("rowspan"));
        Assert.Contains(year.FeesPaid.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#processing-fees").Text(), StringComparison.Ordinal);
        Assert.Equal("未开始", page.QuerySelector("#report-state").Text());
    }

    /// <summary>The numbers are the validator's to judge; a Version that does not bind counts as 0, a stale form (ADR 25).</summary>
    [Fact]
    public async Task AVersionThatDoesNotBind_IsAStaleForm_NotABinderMessage()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        const string page = "/reports/annual/2016";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, page, ValidFields())).StatusCode);
        var tampered = ValidFields("abc");
        tampered["Coercion"] = "6";

        var conflict = await ForgedRequests.TamperedFormAsync(reviewer, page, page, tampered);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var doc = await Html.ParseAsync(conflict);
        Assert.Contains("已被他人修改", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("不是有效的值", doc.QuerySelector("main").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(4, (await db.AnnualReports.SingleAsync(r => r.Year == 2016)).Figures().Coercion);
    }

    [Fact]
    public async Task SavingTheDraft_ValidatesEveryNumber_KeepsWhatWasTyped_AndUsesTheVersion()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        const string page = "/reports/annual/2023";
        var bad = ValidFields();
        bad["Licensing"] = "-3";
        bad["Penalty"] = "十二";
        bad["Fees"] = "1.234";
        bad["Table4[4]"] = "9"; // 2+1+0+1 = 4
        bad["Overview"] = "写了很久的总体情况";
        var refused = await Browserish.PostFormAsync(reviewer, page, page, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var doc = await Html.ParseAsync(refused);
        Assert.Contains("不小于0的整数", doc.QuerySelector("#Licensing")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.Contains("最多两位小数", doc.QuerySelector("#Fees")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.Contains("总计应等于", doc.QuerySelector("#table4-4")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.Equal("-3", doc.QuerySelector("#Licensing")!.GetAttribute("value"));
        Assert.Equal("十二", doc.QuerySelector("#Penalty")!.GetAttribute("value"));
        Assert.Equal("1.234", doc.QuerySelector("#Fees")!.GetAttribute("value"));
        Assert.Equal("写了很久的总体情况", doc.QuerySelector("#Overview").Text());
        await using (var db = factory.NewDbContext())
            Assert.False(await db.AnnualReports.AnyAsync(r => r.Year == 2023));

        var saved = await Browserish.PostFormAsync(reviewer, page, page, ValidFields());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await Html.GetAsync(reviewer, page);
        Assert.Equal("120", after.QuerySelector("#Licensing")!.GetAttribute("value"));
        Assert.Equal("12.50", after.QuerySelector("#Fees")!.GetAttribute("value"));
        Assert.Equal("4", after.QuerySelector("#table4-4")!.GetAttribute("value"));
        Assert.Equal("草稿", after.QuerySelector("#report-state").Text());
        var version = after.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal("1", version);

        var second = ValidFields(version);
        second["Coercion"] = "5";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, page, second)).StatusCode);
        var stale = ValidFields(version); // typed over the version the first save replaced
        stale["Coercion"] = "6";
        var conflict = await Browserish.PostFormAsync(reviewer, page, page, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("已被他人修改", (await Html.ParseAsync(conflict)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
        {
            var report = await db.AnnualReports.SingleAsync(r => r.Year == 2023);
            Assert.Equal(5, report.Figures().Coercion);
            Assert.Equal(12.50m, report.Figures().FeesTenThousandYuan);
            Assert.Equal(4, report.Figures().Review.Total);
            Assert.Equal(2, report.Version);
        }
        var (_, list) = await Html.GetAsync(reviewer, "/reports/annual");
        Assert.Contains(list.QuerySelectorAll("#reports a"), a => a.GetAttribute("href") == "/reports/annual/2023");
    }

    [Fact]
    public async Task TheOfficePages_AreForReviewers_AndABadYearIsA400()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        foreach (var bad in new[] { "abc", "1999", "20245", "-1" })
        {
            var (response, doc) = await Html.GetAsync(reviewer, $"/reports/annual/{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("年份应为", doc.QuerySelector("main").Text(), StringComparison.Ordinal);
        }
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var refused = await editor.GetAsync("/reports/annual/2024");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var anonymous = Browserish.NewClient(factory);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/reports/annual")).StatusCode);
    }
}

public sealed class AnnualReportDraftTestsOnSqlite(SqlitePortal factory) : AnnualReportDraftTests(factory), IClassFixture<SqlitePortal>;

public sealed class AnnualReportDraftTestsOnPostgres(PostgresPortal factory) : AnnualReportDraftTests(factory), IClassFixture<PostgresPortal>;
