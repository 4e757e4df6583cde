using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DisclosurePortal.Web.Features.Statistics;

/// <summary>
/// 数据统计: public figures computed by GROUP BY queries (ADR 14): records published per month, records per domain,
/// applications received and answered on time per month. Cached for a few minutes: the figures change slowly.
/// </summary>
public sealed class StatisticsController(PortalDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration) : PortalController
{
    public const int DefaultMonths = 12;
    public const int MaxMonths = 24;

    [HttpGet("/statistics")]
    [PublicPage(PublicPage.Statistics)]
    public async Task<IActionResult> Index(StatisticsQuery query, CancellationToken ct)
    {
        var count = query.Months;
        var today = clock.Today();
        var seconds = configuration.GetValue("Statistics:CacheSeconds", 300);
        if (seconds <= 0) return View(await StatisticsQueries.ComputeAsync(db, today, count, ct));
        var model = await cache.GetOrCreateAsync(("statistics", today, count), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            return StatisticsQueries.ComputeAsync(db, today, count, ct);
        });
        return View(model!);
    }
}

/// <summary>?months=: how many months the figures cover, counting back from the current one.</summary>
public sealed record StatisticsQuery(int Months) : IQueryFilter<StatisticsQuery>
{
    public static StatisticsQuery Read(QueryReader query)
    {
        if (query.Raw("months").FirstValue is not { Length: > 0 } raw) return new(StatisticsController.DefaultMonths);
        if (QueryReader.TryWhole(raw, out var months) && months is >= 1 and <= StatisticsController.MaxMonths)
            return new(months);
        query.Refuse("月数应为 1 到 {0} 之间的整数。", StatisticsController.MaxMonths);
        return new(StatisticsController.DefaultMonths);
    }
}

public sealed record MonthRow(int Year, int Month, int Published)
{
    public string Label => $"{Year}-{Month:00}";
}

public sealed record DomainRow(string Code, string NameZh, string NameEn, int Published)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record ApplicationMonthRow(int Year, int Month, int Received, int Answered, int AnsweredOnTime)
{
    public string Label => $"{Year}-{Month:00}";
}

public sealed record StatisticsModel(DateOnly Today, IReadOnlyList<MonthRow> PublishedPerMonth, IReadOnlyList<DomainRow> PerDomain,
    IReadOnlyList<ApplicationMonthRow> Applications)
{
    public int TotalPublished => PerDomain.Sum(d => d.Published);

    /// <summary>网上信箱 by year, the current year first.</summary>
    public IReadOnlyList<DisclosurePortal.Web.Features.Messages.MessageStatistics> Messages { get; init; } = [];

    /// <summary>评议 (issue 21 §5): this year's grades per unit and their 满意率.</summary>
    public IReadOnlyList<DisclosurePortal.Web.Features.Ratings.UnitRatings> Ratings { get; init; } = [];

    /// <summary>考核 (issue 21 §4): the years whose results the office published, the latest first.</summary>
    public IReadOnlyList<int> PublishedAssessments { get; init; } = [];
}

public static class StatisticsQueries
{
    /// <summary>The first day of the month <paramref name="months"/> − 1 months before today's: the window's start.</summary>
    public static DateOnly WindowStart(DateOnly today, int months) => new DateOnly(today.Year, today.Month, 1).AddMonths(-(months - 1));

    /// <summary>
    /// Three grouped queries over published versions (the filtered indexes IX_RecordVersions_Published_Date and
    /// _Published_Domain answer them without touching the table) and two over the application cases.
    /// </summary>
    public static async Task<StatisticsModel> ComputeAsync(PortalDbContext db, DateOnly today, int months, CancellationToken ct)
    {
        var start = WindowStart(today, months);
        var end = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var perMonth = await db.PublishedVersions
            .Where(v => v.PublishedOn >= start && v.PublishedOn < end)
            .GroupBy(v => new { v.PublishedOn!.Value.Year, v.PublishedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var perDomain = (await PublishedCountQueries.ByDomainAsync(db, ct)).Select(kv => new { DomainId = kv.Key, Count = kv.Value }).ToList();
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Code, d.NameZh, d.NameEn }).ToListAsync(ct);

        var received = await db.ApplicationCases
            .Where(c => c.ReceivedOn >= start && c.ReceivedOn < end)
            .GroupBy(c => new { c.ReceivedOn!.Value.Year, c.ReceivedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        // 条例 Art. 33: on time = replied on or before the due date (which already counts any extension).
        var answered = await db.ApplicationCases
            .Where(c => c.RepliedOn >= start && c.RepliedOn < end)
            .GroupBy(c => new { c.RepliedOn!.Value.Year, c.RepliedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), OnTime = g.Count(c => c.DueOn != null && c.RepliedOn <= c.DueOn) })
            .ToListAsync(ct);

        var monthsList = Enumerable.Range(0, months).Select(i => start.AddMonths(i)).ToList();
        return new StatisticsModel(today,
            [.. monthsList.Select(m => new MonthRow(m.Year, m.Month, perMonth.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count)))],
            [.. domains.Select(d => new DomainRow(d.Code, d.NameZh, d.NameEn, perDomain.Where(x => x.DomainId == d.Id).Sum(x => x.Count)))],
            [.. monthsList.Select(m => new ApplicationMonthRow(m.Year, m.Month,
                received.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count),
                answered.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count),
                answered.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.OnTime)))])
        {
            // 网上信箱 (issue 19): this year and the last, every message counted (private and declined ones too).
            Messages = await MessageYearsAsync(db, today, ct),
            Ratings = await DisclosurePortal.Web.Features.Ratings.RatingQueries.ForYearAsync(db, today.Year, ct),
            PublishedAssessments = await db.AssessmentRuns.AsNoTracking().Where(r => r.State == Domain.Assessments.RunState.Published)
                .OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(ct),
        };
    }

    private static async Task<IReadOnlyList<DisclosurePortal.Web.Features.Messages.MessageStatistics>> MessageYearsAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        return [await DisclosurePortal.Web.Features.Messages.MessageQueries.StatisticsAsync(db, today.Year, calendar, ct), await DisclosurePortal.Web.Features.Messages.MessageQueries.StatisticsAsync(db, today.Year - 1, calendar, ct)];
    }
}

/// <summary>What the server-drawn SVG bar chart shows: <paramref name="Labels"/> name the bars in full, <paramref name="ShortLabels"/> under them.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<string> Labels, IReadOnlyList<string> ShortLabels, IReadOnlyList<int> Values);
