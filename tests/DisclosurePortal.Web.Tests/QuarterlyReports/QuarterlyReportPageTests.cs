using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.QuarterlyReports;

/// <summary>
/// The 按季通报 of 2025 Q4 (which begins with National Day, 1–8 October off and 28 September and 11 October worked) for a
/// department of its own with known facts: records due, on time, late and missing; a late interpretation; applications.
/// </summary>
public abstract class QuarterlyReportPageTests(PortalFactory factory)
{
    private sealed record Arranged(int Department, int DomainA, int StageA, int DomainB, int StageB);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Arranged> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var now = factory.Clock.GetUtcNow();
        var code = "1151109" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var department = new Department("季报测试局" + code[^4..], "季报局", code, "季报发", 999);
        db.Departments.Add(department);
        var domains = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(2).ToListAsync();
        var stages = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).Take(2).ToListAsync();
        await db.SaveChangesAsync();
        var elements = new CatalogueItemElements
        {
            NameLevel1 = "季报测试", NameLevel2 = "测试事项", Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "形成或变更之日起20个工作日内", TimeLimit = TimeLimitRule.Statutory,
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        };
        var itemA = CatalogueItem.Create(elements, department.Id, domains[0], stages[0], now);
        var itemB = CatalogueItem.Create(elements with { NameLevel2 = "测试事项二" }, department.Id, domains[1], stages[1], now);
        db.CatalogueItems.AddRange(itemA, itemB);
        await db.SaveChangesAsync();

        async Task<int> RecordAsync(CatalogueItem item, string formed, string? published, RecordKind kind = RecordKind.Notice)
        {
            var record = Record.Create(department.Id, item.Id, item.DomainId, item.StageId, kind, now);
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = $"季报测试{Guid.NewGuid():N}", IssuingOrgan = "季报测试局", WrittenOn = formed.Length == 0 ? null : D(formed), Body = "正文。",
            }, "测试", now);
            if (published is not null)
            {
                version.Submit(now);
                version.Publish(D(published), now);
            }
            db.RecordVersions.Add(version);
            await db.SaveChangesAsync();
            return record.Id;
        }

        await RecordAsync(itemA, "2025-09-10", "2025-10-13");   // due 14 Oct (on plain weekdays 8 Oct): on time
        await RecordAsync(itemA, "2025-09-10", "2025-10-15");   // late
        await RecordAsync(itemB, "2025-12-01", null);           // due 29 Dec, a draft still: missing
        await RecordAsync(itemB, "2025-11-20", "2026-01-05");   // due in December, published in January: late
        await RecordAsync(itemB, "2025-12-20", null);           // due in January 2026: not in this quarter
        await RecordAsync(itemA, "2025-08-01", "2025-08-05");   // due in Q3

        // A policy published 30 Sep 2025: its interpretation is due 11 Oct (the worked Saturday); published 13 Oct: late.
        var policy = await RecordAsync(itemA, "", "2025-09-30", RecordKind.NormativeDocument);
        var interpretation = Record.Create(department.Id, itemA.Id, itemA.DomainId, itemA.StageId, RecordKind.PolicyInterpretation, now);
        db.Records.Add(interpretation);
        await db.SaveChangesAsync();
        var iv = RecordVersion.CreateDraft(interpretation, 1, new RecordMetadata
        {
            Title = "季报测试解读", IssuingOrgan = "季报测试局", InterpretationForm = InterpretationForm.Text, Body = "解读。",
        }, "测试", now);
        iv.Submit(now);
        iv.Publish(D("2025-10-13"), now);
        db.RecordVersions.Add(iv);
        await db.SaveChangesAsync();
        db.InterpretationLinks.Add(new InterpretationLink(interpretation.Id, iv.Id, policy, now));

        // Two applications received 15 Sep 2025 (due in October across National Day), one answered on its due date, one the day after.
        var calendar = await CalendarLoader.LoadAsync(db);
        foreach (var daysAfterDue in new[] { 0, 1 })
        {
            var received = D("2025-09-15");
            var c = ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "钱七", Contact = "13900000000",
                InformationDescription = "季报测试申请", Channel = ApplicationChannel.InPerson,
            }, "QR" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, received);
            c.Assign(department.Id, department.Name, "测试", now);
            Assert.True(new Quarter(2025, 4).Contains(c.DueOn!.Value));
            c.Reply(ReplyType.Disclosed, "答复内容。", c.DueOn!.Value.AddDays(daysAfterDue), "测试", now);
            db.ApplicationCases.Add(c);
        }
        await db.SaveChangesAsync();
        return new Arranged(department.Id, domains[0], stages[0], domains[1], stages[1]);
    }

    [Fact]
    public async Task Quarter_CrossingNationalDay_CountsOnTimeLateAndMissing_PerDepartmentAndDomain()
    {
        var a = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");

        var (response, doc) = await Html.GetAsync(reviewer, "/reports/quarterly/2025/q4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = doc.QuerySelector($"#summary tbody tr[data-department='{a.Department}']")!;
        string Col(string name) => row.QuerySelector($"[data-col='{name}']").Text();
        Assert.Equal("4", Col("due"));
        Assert.Equal("1", Col("on-time"));
        Assert.Equal("2", Col("late"));
        Assert.Equal("1", Col("missing"));
        Assert.Equal("0", Col("not-yet-due"));
        Assert.Equal("25.0%", Col("rate"));
        Assert.Equal("0", Col("interp-on-time"));
        Assert.Equal("1", Col("interp-late"));
        Assert.Equal("1", Col("apps-on-time"));
        Assert.Equal("1", Col("apps-late"));
        Assert.NotEqual("0", row.GetAttribute("data-rank"));

        var matrix = doc.QuerySelector($"#matrix tbody tr[data-department='{a.Department}']")!;
        var cells = matrix.QuerySelectorAll("td.gap[data-due]").ToList();
        Assert.Equal(2, cells.Count);
        var late = cells.Single(c => c.GetAttribute("data-missing") == "0");
        Assert.Equal(("2", "1", "1"), (late.GetAttribute("data-due"), late.GetAttribute("data-on-time"), late.GetAttribute("data-late")));
        Assert.Contains("1/2", late.Text(), StringComparison.Ordinal);
        Assert.Contains("逾期1", late.Text(), StringComparison.Ordinal);   // the words, not only the colour
        var missing = cells.Single(c => c.GetAttribute("data-missing") == "1");
        Assert.Contains("gap-missing", missing.ClassName, StringComparison.Ordinal);
        Assert.Contains("0/2", missing.Text(), StringComparison.Ordinal);
        Assert.Contains("缺失1", missing.Text(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#matrix caption"));
        Assert.NotNull(doc.QuerySelector($"a[href='/reports/quarterly/2025/q4/departments/{a.Department}']"));

        // The drill-down: one line per domain and stage.
        var (drill, stages) = await Html.GetAsync(reviewer, $"/reports/quarterly/2025/q4/departments/{a.Department}");
        Assert.Equal(HttpStatusCode.OK, drill.StatusCode);
        var first = stages.QuerySelector($"#stages tr[data-domain='{a.DomainA}'][data-stage='{a.StageA}'] td.gap")!;
        Assert.Equal(("2", "1", "1", "0"), (first.GetAttribute("data-due"), first.GetAttribute("data-on-time"), first.GetAttribute("data-late"), first.GetAttribute("data-missing")));
        var second = stages.QuerySelector($"#stages tr[data-domain='{a.DomainB}'][data-stage='{a.StageB}'] td.gap")!;
        Assert.Equal(("2", "0", "1", "1"), (second.GetAttribute("data-due"), second.GetAttribute("data-on-time"), second.GetAttribute("data-late"), second.GetAttribute("data-missing")));
        Assert.Equal("25.0%", stages.QuerySelector("#department-summary [data-col='rate']").Text());

        // The next quarter holds the record due in January, not yet published: missing there.
        var (_, next) = await Html.GetAsync(reviewer, "/reports/quarterly/2026/q1");
        var nextRow = next.QuerySelector($"#summary tbody tr[data-department='{a.Department}']")!;
        Assert.Equal(("1", "1"), (nextRow.QuerySelector("[data-col='due']").Text(), nextRow.QuerySelector("[data-col='missing']").Text()));
    }

    [Theory]
    [InlineData("/reports/quarterly/20x5/q4", HttpStatusCode.BadRequest, "年份应为2000到2100之间的四位数字。")]
    [InlineData("/reports/quarterly/1999/q4", HttpStatusCode.BadRequest, "年份应为2000到2100之间的四位数字。")]
    [InlineData("/reports/quarterly/2025/q5", HttpStatusCode.NotFound, "季度应写作 q1 到 q4")]
    [InlineData("/reports/quarterly/2025/4", HttpStatusCode.NotFound, "季度应写作 q1 到 q4")]
    [InlineData("/reports/quarterly/2100/q1", HttpStatusCode.NotFound, "2100年第1季度尚未开始。")]
    [InlineData("/reports/quarterly/2025/q4/departments/abc", HttpStatusCode.BadRequest, "部门编号应为数字。")]
    [InlineData("/reports/quarterly/2025/q4/departments/999999", HttpStatusCode.NotFound, "没有编号为999999的部门。")]
    public async Task BadYearQuarterOrDepartment_IsA4xx_WithAChineseMessage(string url, HttpStatusCode status, string message)
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, doc.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InactiveDepartment_WithNothingDue_HasADrillDownOfZeros()
    {
        _ = factory.Server;
        int id;
        await using (var db = factory.NewDbContext())
        {
            var code = "1151108" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gone = new Department("已撤销测试局" + code[^4..], "撤销局", code, "撤发", 998);
            gone.Deactivate();
            db.Departments.Add(gone);
            await db.SaveChangesAsync();
            id = gone.Id;
        }
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, $"/reports/quarterly/2025/q4/departments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", doc.QuerySelector("#department-summary [data-col='due']").Text());
        Assert.Equal("—", doc.QuerySelector("#department-summary [data-col='rank']").Text());
        Assert.Contains("本季度该部门没有到期的目录事项。", doc.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ListsQuarters_AndEditorsCannotReadIt()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, "/reports/quarterly");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(doc.QuerySelectorAll(".quarter-list a[href^='/reports/quarterly/']"));
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector("a[href='/reports/quarterly']"));

        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (refused, _) = await Html.GetAsync(editor, "/reports/quarterly/2025/q4");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, refused.StatusCode.ToString());
    }
}

public sealed class QuarterlyReportPageTestsOnSqlite(SqlitePortal factory) : QuarterlyReportPageTests(factory), IClassFixture<SqlitePortal>;

public sealed class QuarterlyReportPageTestsOnPostgres(PostgresPortal factory) : QuarterlyReportPageTests(factory), IClassFixture<PostgresPortal>;
