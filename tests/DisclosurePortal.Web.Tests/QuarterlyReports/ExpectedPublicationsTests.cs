using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.QuarterlyReports;

/// <summary>
/// Expected publications in the 按季通报 (issue 21 §1, ADR 33): a unit of its own with known facts in 2025 Q4, over the
/// National Day holiday (1–8 October 2025).
/// </summary>
public abstract class ExpectedPublicationsTests(PortalFactory factory)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateTimeOffset Then = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A monthly item (每月5日前, owed from July 2025), a quarterly one (每季度首月10日前, owed from January 2025), an event-driven
    /// one (办结后10日内) and an ordinary one (20 working days). Due in 2025 Q4:
    /// <list type="bullet">
    /// <item>September (due Thursday 9 October: the 5th is a holiday): published 9 October, inferred — on time;</item>
    /// <item>October (due 5 November): nothing, 本期无信息 approved by the office — on time;</item>
    /// <item>November (due 5 December): published 20 December, chosen in the form — late;</item>
    /// <item>Q3 of the quarterly item (due 10 October): a draft only, never published — missing (counted once, not also by its draft);</item>
    /// <item>办结 25 September (due 9 October): answered by a record published 8 October — on time;</item>
    /// <item>办结 15 December (due 25 December): nothing — missing;</item>
    /// <item>the ordinary item: formed 3 November, published 5 November — on time (as before).</item>
    /// </list>
    /// </summary>
    private async Task<int> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var now = factory.Clock.GetUtcNow();
        var code = "1151103" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unit = new Department("预期测试局" + code[^4..], "预期测试局", code, "预测发", 990);
        db.Departments.Add(unit);
        await db.SaveChangesAsync();
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();

        async Task<CatalogueItem> ItemAsync(string name, TimeLimitKind kind, int amount, string? expectedFrom)
        {
            var item = CatalogueItem.Create(new CatalogueItemElements
            {
                NameLevel1 = "预期测试", NameLevel2 = name, Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
                TimeLimitText = "测试时限", TimeLimit = new TimeLimitRule(kind, amount),
                Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
                Level = AdministrativeLevel.County, Frequency = UpdateFrequency.Monthly,
            }, unit.Id, domain, stage, Then);
            if (expectedFrom is not null) item.SetExpectedFrom(D(expectedFrom), Then);
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            return item;
        }

        async Task<Record> RecordAsync(CatalogueItem item, string formed, string? published)
        {
            var record = Record.Create(unit.Id, item.Id, domain, stage, RecordKind.Statistics, now);
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = $"预期测试{Guid.NewGuid():N}", IssuingOrgan = unit.Name, WrittenOn = D(formed), Body = "正文。",
            }, "测试", now);
            if (published is not null)
            {
                version.Submit(now);
                version.Publish(D(published), now);
            }
            db.RecordVersions.Add(version);
            await db.SaveChangesAsync();
            return record;
        }

        var monthly = await ItemAsync("月报", TimeLimitKind.MonthlyByDay, 5, "2025-07-01");
        await RecordAsync(monthly, "2025-08-03", "2025-08-04");  // July: due in Q3, not counted here
        await RecordAsync(monthly, "2025-09-03", "2025-09-04");  // August: due in Q3
        await RecordAsync(monthly, "2025-10-09", "2025-10-09");  // September: on time
        var november = await RecordAsync(monthly, "2025-12-18", "2025-12-20");
        db.RecordCoverages.Add(RecordCoverage.ForPeriod(november.Id, ReportingPeriod.Of(TimeLimitKind.MonthlyByDay, D("2025-11-01"))));
        var waiver = PeriodWaiver.Request(monthly.Id, ReportingPeriod.Of(TimeLimitKind.MonthlyByDay, D("2025-10-01")), "本月无监测数据。", "编辑", "u-editor", now, D("2026-01-01"));
        waiver.Approve(null, "审核", "u-reviewer", now);
        db.PeriodWaivers.Add(waiver);

        var quarterly = await ItemAsync("季报", TimeLimitKind.QuarterlyByDay, 10, "2025-01-01");
        await RecordAsync(quarterly, "2025-04-08", "2025-04-09");  // Q1: due in Q2
        await RecordAsync(quarterly, "2025-07-08", "2025-07-09");  // Q2: due in Q3
        await RecordAsync(quarterly, "2025-10-01", null);          // Q3: a draft only

        var events = await ItemAsync("办结公开", TimeLimitKind.DaysAfterCompletion, 10, "2025-01-01");
        db.ItemEvents.Add(ItemEvent.Record(events.Id, D("2025-09-25"), "甲项目办结", D("2026-01-01"), "编辑", now));
        db.ItemEvents.Add(ItemEvent.Record(events.Id, D("2025-12-15"), "乙项目办结", D("2026-01-01"), "编辑", now));
        await RecordAsync(events, "2025-10-08", "2025-10-08");

        var ordinary = await ItemAsync("普通事项", TimeLimitKind.WorkingDaysAfterFormed, 20, null);
        await RecordAsync(ordinary, "2025-11-03", "2025-11-05");
        await db.SaveChangesAsync();
        return unit.Id;
    }

    [Fact]
    public async Task Quarterly_2025Q4_CountsExpectedPublications_OverNationalDay()
    {
        var unit = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, "/reports/quarterly/2025/q4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Cell(string col) => doc.QuerySelector($"#summary tbody tr[data-department='{unit}'] [data-col='{col}']")!.TextContent;
        Assert.Equal(("7", "4", "1", "2", "0"), (Cell("due"), Cell("on-time"), Cell("late"), Cell("missing"), Cell("not-yet-due")));
        Assert.Equal("57.1%", Cell("rate"));

        // The quarter before: July and August on time, Q2 on time; the 办结 of 25 September is due in Q4.
        var (_, q3) = await Html.GetAsync(reviewer, "/reports/quarterly/2025/q3");
        string Q3(string col) => q3.QuerySelector($"#summary tbody tr[data-department='{unit}'] [data-col='{col}']")!.TextContent;
        Assert.Equal(("3", "3", "0"), (Q3("due"), Q3("on-time"), Q3("missing")));
    }
}

public sealed class ExpectedPublicationsTestsOnSqlite(SqlitePortal factory) : ExpectedPublicationsTests(factory), IClassFixture<SqlitePortal>;

public sealed class ExpectedPublicationsTestsOnPostgres(PostgresPortal factory) : ExpectedPublicationsTests(factory), IClassFixture<PostgresPortal>;
