using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Assessments;

/// <summary>
/// 考核 (issue 21 §4, ADR 37) through the forms: an administrator defines the 2025 scheme, the office enters a manual score,
/// computes and publishes; one unit of its own, with known 2025 facts, gets an exact score per indicator and in total.
/// </summary>
public abstract class AssessmentTests(PortalFactory factory)
{
    private const int Year = 2025;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>
    /// A unit of its own in 2025: records 2 on time, 2 late, 1 missing; one interpretation late; two applications, one on
    /// time; two items, one missing an element; five ratings, four 满意 or 基本满意; no messages. The demo's 2025 scheme goes.
    /// </summary>
    private async Task<(int Unit, string Name)> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        await db.AssessmentSchemes.Where(s => s.Year == Year).ExecuteDeleteAsync();
        var now = factory.Clock.GetUtcNow();
        var code = "1151109" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
        var unit = new Department("考核测试局" + code[^4..], "考核局", code, "考核发", 997);
        db.Departments.Add(unit);
        var domains = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(2).ToListAsync();
        var stages = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).Take(2).ToListAsync();
        await db.SaveChangesAsync();
        var elements = new CatalogueItemElements
        {
            NameLevel1 = "考核测试", NameLevel2 = "测试事项", Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "形成或变更之日起20个工作日内", TimeLimit = TimeLimitRule.Statutory,
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        };
        var itemA = CatalogueItem.Create(elements, unit.Id, domains[0], stages[0], now);
        var itemB = CatalogueItem.Create(elements with { NameLevel2 = "测试事项二" }, unit.Id, domains[1], stages[1], now);
        db.CatalogueItems.AddRange(itemA, itemB);
        await db.SaveChangesAsync();
        // An item kept from before the element rules: its 公开依据 is empty.
        await db.CatalogueItems.Where(i => i.Id == itemB.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Basis, ""));

        async Task<int> RecordAsync(CatalogueItem item, string formed, string? published, RecordKind kind = RecordKind.Notice)
        {
            var record = Record.Create(unit.Id, item.Id, item.DomainId, item.StageId, kind, now);
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = $"考核测试{Guid.NewGuid():N}", IssuingOrgan = "考核测试局", WrittenOn = formed.Length == 0 ? null : D(formed), Body = "正文。",
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

        var onTime = await RecordAsync(itemA, "2025-09-10", "2025-10-13"); // due 14 Oct (National Day): on time
        await RecordAsync(itemA, "2025-09-10", "2025-10-15");              // late
        await RecordAsync(itemB, "2025-12-01", null);                      // due 29 Dec, never published: missing
        await RecordAsync(itemB, "2025-11-20", "2026-01-05");              // due in December, published in January: late
        await RecordAsync(itemB, "2025-12-20", null);                      // due in January 2026: not in 2025
        await RecordAsync(itemA, "2025-08-01", "2025-08-05");              // due in Q3: on time

        // A policy published 30 Sep 2025, interpreted 13 Oct (due 11 Oct, the worked Saturday): late.
        var policy = await RecordAsync(itemA, "", "2025-09-30", RecordKind.NormativeDocument);
        var interpretation = Record.Create(unit.Id, itemA.Id, itemA.DomainId, itemA.StageId, RecordKind.PolicyInterpretation, now);
        db.Records.Add(interpretation);
        await db.SaveChangesAsync();
        var iv = RecordVersion.CreateDraft(interpretation, 1, new RecordMetadata
        {
            Title = "考核测试解读", IssuingOrgan = "考核测试局", InterpretationForm = InterpretationForm.Text, Body = "解读。",
        }, "测试", now);
        iv.Submit(now);
        iv.Publish(D("2025-10-13"), now);
        db.RecordVersions.Add(iv);
        await db.SaveChangesAsync();
        db.InterpretationLinks.Add(new InterpretationLink(interpretation.Id, iv.Id, policy, now));

        // Two applications received 15 Sep 2025, due in October: one answered on its due date, one the day after.
        var calendar = await CalendarLoader.LoadAsync(db);
        foreach (var daysAfterDue in new[] { 0, 1 })
        {
            var received = D("2025-09-15");
            var c = ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "钱七", Contact = "13900000000",
                InformationDescription = "考核测试申请", Channel = ApplicationChannel.InPerson,
            }, "QR" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, received);
            c.Assign(unit.Id, unit.Name, "测试", now);
            c.Reply(ReplyType.Disclosed, "答复内容。", c.DueOn!.Value.AddDays(daysAfterDue), "测试", now);
            db.ApplicationCases.Add(c);
        }

        // Five ratings of its record in November 2025: 满意 ×3, 基本满意, 不满意.
        var grades = new[] { RatingGrade.Satisfied, RatingGrade.Satisfied, RatingGrade.Satisfied, RatingGrade.FairlySatisfied, RatingGrade.Dissatisfied };
        for (var i = 0; i < grades.Length; i++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}-{i}")));
            var day = D("2025-11-03").AddDays(i);
            db.Ratings.Add(Rating.OfRecord(onTime, unit.Id, false, grades[i], null, [], hash, ChinaTime.At(day, new TimeOnly(10, 0)), day));
        }
        await db.SaveChangesAsync();
        return (unit.Id, unit.Name);
    }

    /// <summary>The scheme as the administrator enters it, one form per indicator.</summary>
    private static readonly Dictionary<string, string>[] Indicators =
    [
        new() { ["Name"] = "主动公开及时率", ["Kind"] = "DisclosureTimeliness", ["Points"] = "30", ["Rule"] = "Proportional" },
        new() { ["Name"] = "目录要素完整率", ["Kind"] = "CatalogueCompleteness", ["Points"] = "10", ["Rule"] = "Thresholds", ["FullAt"] = "95", ["HalfAt"] = "80" },
        new() { ["Name"] = "政策解读及时率", ["Kind"] = "InterpretationTimeliness", ["Points"] = "10", ["Rule"] = "DeductPerFailure", ["DeductEach"] = "4" },
        new() { ["Name"] = "依申请公开按期答复率", ["Kind"] = "ApplicationTimeliness", ["Points"] = "20", ["Rule"] = "Proportional" },
        new() { ["Name"] = "留言按期答复率", ["Kind"] = "MessageTimeliness", ["Points"] = "10", ["Rule"] = "Proportional" },
        new() { ["Name"] = "群众满意率", ["Kind"] = "Satisfaction", ["Points"] = "15", ["Rule"] = "Thresholds", ["FullAt"] = "90", ["HalfAt"] = "80" },
        new() { ["Name"] = "政务公开培训", ["Kind"] = "Manual", ["Points"] = "5", ["Description"] = "按培训签到表评分。" },
    ];

    private async Task DefineSchemeAsync(HttpClient admin)
    {
        var created = await Browserish.PostFormAsync(admin, "/admin/assessments", "/admin/assessments", new() { ["Year"] = "2025" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        foreach (var fields in Indicators)
        {
            var added = await Browserish.PostFormAsync(admin, "/admin/assessments/2025", "/admin/assessments/2025/indicators", fields);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var (_, scheme) = await Html.GetAsync(admin, "/admin/assessments/2025");
        Assert.Equal(7, scheme.QuerySelectorAll("#indicators tbody tr").Length);
        Assert.Contains("合计 100 分", scheme.QuerySelector("#total-points").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneUnit_KnownData_GetsItsExactScorePerIndicatorAndInTotal_ComputedAndPublished()
    {
        var (unit, name) = await ArrangeAsync();
        var admin = await Browserish.SignedInAsync(factory, "admin");
        await DefineSchemeAsync(admin);

        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        int training;
        await using (var db = factory.NewDbContext())
            training = await db.AssessmentIndicators.Where(i => i.Name == "政务公开培训" && db.AssessmentSchemes.Any(s => s.Id == i.SchemeId && s.Year == Year)).Select(i => i.Id).SingleAsync();
        var manual = await Browserish.PostFormAsync(reviewer, "/assessments/2025", "/assessments/2025/manual-scores", new()
        {
            ["IndicatorId"] = training.ToString(CultureInfo.InvariantCulture), ["UnitId"] = unit.ToString(CultureInfo.InvariantCulture),
            ["Score"] = "4", ["Evidence"] = "参加培训 2 次（签到表）",
        });
        Assert.Equal(HttpStatusCode.Redirect, manual.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, "/assessments/2025", "/assessments/2025/compute", new())).StatusCode);

        var (ok, page) = await Html.GetAsync(reviewer, $"/assessments/2025/units/{unit}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        string Score(string indicator) => page.QuerySelector($"#breakdown tr[data-indicator='{indicator}'] [data-col='score']").Text();
        string Inputs(string indicator) => page.QuerySelector($"#breakdown tr[data-indicator='{indicator}'] [data-col='inputs']").Text();
        Assert.Equal("12 / 30", Score("主动公开及时率"));                  // 2 of 5 on time → 40 % of 30
        Assert.Contains("按时 2 / 应公开 5 → 40% → 12 分", Inputs("主动公开及时率"), StringComparison.Ordinal);
        Assert.Equal("0 / 10", Score("目录要素完整率"));                   // 1 of 2 complete: 50 % < 80 %
        Assert.Contains("要素齐全 1 / 公开事项 2 → 50% → 0 分", Inputs("目录要素完整率"), StringComparison.Ordinal);
        Assert.Equal("6 / 10", Score("政策解读及时率"));                   // one late: 10 − 4
        Assert.Equal("10 / 20", Score("依申请公开按期答复率"));            // 1 of 2
        Assert.Equal("10 / 10", Score("留言按期答复率"));                  // no messages: full points, and said so
        Assert.Contains("没有可考核的事项，按满分计", Inputs("留言按期答复率"), StringComparison.Ordinal);
        Assert.Equal("7.5 / 15", Score("群众满意率"));                     // 4 of 5 = 80 %: half
        Assert.Contains("满意和基本满意 4 / 评议 5 → 80% → 7.5 分", Inputs("群众满意率"), StringComparison.Ordinal);
        Assert.Equal("4 / 5", Score("政务公开培训"));
        Assert.Contains("参加培训 2 次（签到表）", Inputs("政务公开培训"), StringComparison.Ordinal);
        Assert.Equal("49.5 / 100", page.QuerySelector("#breakdown [data-col='total']").Text());

        // Kept as data: the snapshot's rows say the same.
        await using (var db = factory.NewDbContext())
        {
            var scores = await db.AssessmentScores.Where(s => s.DepartmentId == unit).ToListAsync();
            Assert.Equal(49.5m, scores.Sum(s => s.Score));
        }

        // Not public until published.
        var anonymous = Browserish.NewClient(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/assessments/2025/published")).StatusCode);
        var published = await Browserish.PostFormAsync(reviewer, "/assessments/2025", "/assessments/2025/publish", new() { ["note"] = "总体良好。" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (pub, pubPage) = await Html.GetAsync(anonymous, "/assessments/2025/published");
        Assert.Equal(HttpStatusCode.OK, pub.StatusCode);
        var row = pubPage.QuerySelector($"#results tr[data-unit='{unit}']");
        Assert.NotNull(row);
        Assert.Contains(name, row.Text(), StringComparison.Ordinal);
        Assert.Equal("49.5", row.QuerySelector("[data-col='total']").Text());
        Assert.Contains("总体良好。", pubPage.Body!.TextContent, StringComparison.Ordinal);

        // Published results are not computed again until withdrawn.
        var again = await Browserish.PostFormAsync(reviewer, "/assessments/2025", "/assessments/2025/unpublish", new());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/assessments/2025/published")).StatusCode);
    }

    [Fact]
    public async Task AUnitsEditor_SeesItsOwnBreakdown_NotAnotherUnits()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (ok, own) = await Html.GetAsync(editor, "/manage/assessment");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(own.QuerySelector("#breakdown"));
        await using var db = factory.NewDbContext();
        var finance = await db.Departments.Where(d => d.Name.Contains("财政")).Select(d => d.Id).FirstAsync();
        var year = await db.AssessmentRuns.Select(r => r.Year).FirstAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/assessments/{year}/units/{finance}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsA400_WithAChineseMessage_AndKeepsWhatWasTyped()
    {
        await using (var db = factory.NewDbContext())
            await db.AssessmentSchemes.Where(s => s.Year == 2024).ExecuteDeleteAsync();
        var admin = await Browserish.SignedInAsync(factory, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/assessments", "/admin/assessments", new() { ["Year"] = "2024" })).StatusCode);
        var duplicate = await Browserish.PostFormAsync(admin, "/admin/assessments", "/admin/assessments", new() { ["Year"] = "2024" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("2024 年度的考核方案已经存在。", (await Html.ParseAsync(duplicate)).Body!.TextContent, StringComparison.Ordinal);

        var bad = await Browserish.PostFormAsync(admin, "/admin/assessments/2024", "/admin/assessments/2024/indicators", new()
        {
            ["Name"] = "分档指标", ["Kind"] = "DisclosureTimeliness", ["Points"] = "10", ["Rule"] = "Thresholds", ["FullAt"] = "80", ["HalfAt"] = "90",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await Html.ParseAsync(bad);
        Assert.Contains("半分档的比例应不小于 0，且低于满分档。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("分档指标", doc.QuerySelector("input[name='Name']")!.GetAttribute("value"));
        Assert.Equal("90", doc.QuerySelector("input[name='HalfAt']")!.GetAttribute("value"));

        var zero = await Browserish.PostFormAsync(admin, "/admin/assessments/2024", "/admin/assessments/2024/indicators", new()
        {
            ["Name"] = "零分", ["Kind"] = "Manual", ["Points"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("分值应大于 0、不超过 100，最多两位小数。", (await Html.ParseAsync(zero)).Body!.TextContent, StringComparison.Ordinal);

        await using var check = factory.NewDbContext();
        Assert.False(await check.AssessmentIndicators.AnyAsync(i => check.AssessmentSchemes.Any(s => s.Id == i.SchemeId && s.Year == 2024)));
    }

    [Fact]
    public async Task ASchemeIsCopiedFromThePreviousYear()
    {
        await using (var db = factory.NewDbContext())
            await db.AssessmentSchemes.Where(s => s.Year == 2027).ExecuteDeleteAsync();
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var copied = await Browserish.PostFormAsync(admin, "/admin/assessments", "/admin/assessments", new() { ["Year"] = "2027", ["CopyPrevious"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        await using var check = factory.NewDbContext();
        var names = await check.AssessmentSchemes.Where(s => s.Year == 2026).SelectMany(s => s.Indicators).OrderBy(i => i.SortOrder).Select(i => i.Name).ToListAsync();
        var copiedNames = await check.AssessmentSchemes.Where(s => s.Year == 2027).SelectMany(s => s.Indicators).OrderBy(i => i.SortOrder).Select(i => i.Name).ToListAsync();
        Assert.NotEmpty(names);
        Assert.Equal(names, copiedNames);
    }
}

public sealed class AssessmentTestsOnSqlite(SqlitePortal factory) : AssessmentTests(factory), IClassFixture<SqlitePortal>;

public sealed class AssessmentTestsOnPostgres(PostgresPortal factory) : AssessmentTests(factory), IClassFixture<PostgresPortal>;
