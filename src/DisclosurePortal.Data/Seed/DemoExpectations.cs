using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Expected publications in the demo (issue 21 §1, ADR 33): every periodic item owes its periods from 1 January of last
/// year, so the months the generator left empty show as missing; 环境质量状况 has one 本期无信息 approved by the office and
/// 保障性住房建设 one waiting; 房屋征收 分户补偿情况 has one 办结 answered on time and one not answered.
/// </summary>
internal static class DemoExpectations
{
    private const string EcologyEditor = "生态环境分局编辑";
    private const string HousingEditor = "李编辑（县住建局）";
    private const string Approver = "周审核（县政务公开办）";

    public static async Task SeedAsync(PortalDbContext db, WorkingCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var from = new DateOnly(today.Year - 1, 1, 1);
        var items = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active).ToListAsync(ct);
        foreach (var item in items.Where(i => ReportingPeriod.IsPeriodic(i.TimeLimit.Kind) || i.TimeLimit.Kind == TimeLimitKind.DaysAfterCompletion))
            item.SetExpectedFrom(from, now);
        await db.SaveChangesAsync(ct);

        if (items.FirstOrDefault(i => i.NameLevel2 == "环境质量状况") is { } quality
            && await LatestMissingAsync(db, quality, calendar, today, ct) is { Count: > 0 } qualityGaps)
        {
            // The earliest gap: the monitoring station was moved, so there was nothing to publish; the office agreed.
            var waiver = PeriodWaiver.Request(quality.Id, qualityGaps[0], "城区空气自动监测站搬迁，本月无有效监测数据，未形成环境质量状况报告。",
                EcologyEditor, "demo-editor-ecology", now.AddDays(-40), today);
            waiver.Approve("已核实监测站搬迁批复，同意本期无信息。", Approver, "demo-reviewer2", now.AddDays(-38));
            db.PeriodWaivers.Add(waiver);
        }
        if (items.FirstOrDefault(i => i.NameLevel2 == "项目建设进度" && i.TimeLimit.Kind == TimeLimitKind.QuarterlyByDay) is { } progress
            && await LatestMissingAsync(db, progress, calendar, today, ct) is { Count: > 0 } progressGaps)
            db.PeriodWaivers.Add(PeriodWaiver.Request(progress.Id, progressGaps[^1], "本季度无新开工和续建的保障性住房项目，无建设进度可公开。",
                HousingEditor, "demo-editor-housing", now.AddDays(-2), today));

        if (items.FirstOrDefault(i => i.NameLevel2 == "分户补偿情况" && i.TimeLimit.Kind == TimeLimitKind.DaysAfterCompletion) is { } compensation)
        {
            var published = await PublishedAsync(db, compensation.Id, ct);
            if (published.Count > 0)
            {
                // A 办结 three days before a record was published: answered on time, and linked to it.
                var (recordId, publishedOn) = published[^1];
                var done = ItemEvent.Record(compensation.Id, publishedOn.AddDays(-3), "城东片区棚户区改造项目房屋征收补偿协议签订完毕（办结）", today, HousingEditor, now);
                db.ItemEvents.Add(done);
                await db.SaveChangesAsync(ct);
                db.RecordCoverages.Add(RecordCoverage.ForEvent(recordId, done.Id));
                // A later 办结 with nothing published after it: missing once its 10 days have passed.
                var later = publishedOn.AddDays(1) > today.AddDays(-20) ? publishedOn.AddDays(1) : today.AddDays(-20);
                if (later <= today)
                    db.ItemEvents.Add(ItemEvent.Record(compensation.Id, later, "老街片区危旧房屋征收项目补偿安置办结", today, HousingEditor, now));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<(int RecordId, DateOnly PublishedOn)>> PublishedAsync(PortalDbContext db, int itemId, CancellationToken ct)
    {
        var rows = await db.RecordVersions.Where(v => v.PublishedOn != null && db.Records.Any(r => r.Id == v.RecordId && r.CatalogueItemId == itemId))
            .GroupBy(v => v.RecordId).Select(g => new { RecordId = g.Key, PublishedOn = g.Min(v => v.PublishedOn)!.Value }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.PublishedOn).Select(r => (r.RecordId, r.PublishedOn))];
    }

    /// <summary>The item's missing periods, oldest first.</summary>
    private static async Task<List<ReportingPeriod>> LatestMissingAsync(PortalDbContext db, CatalogueItem item, WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var published = await PublishedAsync(db, item.Id, ct);
        var expectation = new ExpectationItem(item.Id, item.DepartmentId, item.DomainId, item.StageId, item.TimeLimit, item.ExpectedFrom!.Value, null);
        var result = ExpectedPublications.For(expectation, published.Select(p => new PublishedRecordFact(p.RecordId, item.Id, p.PublishedOn, null, null)),
            [], [], today, calendar);
        return [.. result.Expectations.Where(e => e.Outcome == ExpectationOutcome.Missing).Select(e => e.Period!.Value)];
    }
}
