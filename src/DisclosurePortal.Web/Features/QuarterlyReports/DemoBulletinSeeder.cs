using DisclosurePortal.Data;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>
/// The demo county's published 按季通报 (docs/adr/0036): the quarter before last, frozen by 李审核 and published by 周审核,
/// so that the public page and its downloads show something real while the last quarter is left for the office to
/// freeze. It runs after the demo data (the numbers are computed by the web's queries, which the seeders cannot call).
/// </summary>
public static class DemoBulletinSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue("Seed:DemoData", true)) return;
        var db = services.GetRequiredService<PortalDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await db.QuarterlyBulletins.AnyAsync(ct)) return;
        var reviewers = await db.Users.AsNoTracking().Where(u => u.UserName == "reviewer" || u.UserName == "reviewer2")
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct);
        if (!reviewers.TryGetValue("reviewer", out var first) || !reviewers.TryGetValue("reviewer2", out var second)) return;

        var today = clock.Today();
        var quarter = Quarter.Of(today).Previous.Previous;
        var snapshot = (await QuarterlyReportQueries.LoadAsync(db, quarter, today, ct)).Snapshot();
        var now = clock.GetUtcNow();
        var bulletin = QuarterlyBulletin.Freeze(snapshot, null, today, first.Id, first.DisplayName, now);
        bulletin.WriteComment(
            $"{quarter.Year}年第{quarter.Number}季度，全县各单位主动公开信息总体按时发布，按时率为{BulletinDownloads.Rate(snapshot.TotalRecords.OnTimeRate)}。\n\n" +
            "**存在的问题**：部分按月公开的事项（如环境质量状况）有期间应发未发，个别政策文件的解读晚于3个工作日。\n\n" +
            "**整改要求**：各单位对照本通报的明细逐项补发缺失的信息；按期公开的事项确无信息的，及时申报“本期无信息”。",
            first.Id, first.DisplayName, now);
        bulletin.Publish(null, second.Id, second.DisplayName, now);
        db.QuarterlyBulletins.Add(bulletin);
        await db.SaveChangesAsync(ct);
    }
}
