using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo records filed in columns of the tree (issue 20 §3): replies to deputies' suggestions and members' proposals
/// (two published as summaries), personnel, audit and budget records, the disclosure rules. Column-only records, with
/// 索引号 from their department's series as every record's; each reviewed and published as staff would.
/// </summary>
internal static class DemoColumnRecords
{
    private const string Actor = "系统初始化";

    private sealed record Planned(string Column, string Department, string Title, string? DocumentNumber, int DaysAgo, bool Summary, RecordKind Kind, string Body);

    private static readonly Planned[] Plans =
    [
        new("人大代表建议复文", "housing", "关于县十九届人大三次会议第45号建议的答复", "青住建建复〔2026〕3号", 40, true, RecordKind.OtherDocument,
            "**建议人**：张某某代表\n\n**建议事项**：加快老旧小区改造，增设电梯。\n\n**办理情况（摘要）**：我局已将城南片区6个老旧小区纳入2026年改造计划，同步开展加装电梯意愿征询；已有2个单元完成加装。\n\n**办理结果**：A类（所提问题已经解决或采纳）。"),
        new("人大代表建议复文", "education", "关于县十九届人大三次会议第12号建议的答复", "青教建复〔2026〕1号", 55, true, RecordKind.OtherDocument,
            "**建议人**：李某某代表\n\n**建议事项**：增加城区学前教育学位。\n\n**办理情况（摘要）**：新建城东幼儿园一所，2026年秋季新增学位270个。\n\n**办理结果**：B类（所提问题正在解决或列入计划解决）。"),
        new("政协委员提案复文", "agriculture", "对县政协十一届三次会议第28号提案的答复", "青农提复〔2026〕2号", 48, false, RecordKind.OtherDocument,
            "王某某委员：\n\n您提出的《关于发展林下经济促进农民增收的提案》收悉，现答复如下：\n\n一、全县已发展林下中药材种植1.2万亩……\n\n二、下一步将……\n\n感谢您对农业农村工作的关心和支持。"),
        new("人事信息", "hrss", "2026年县属事业单位公开招聘工作人员拟聘用人员公示", null, 20, false, RecordKind.Notice,
            "经笔试、面试、体检和考察，拟聘用以下人员……公示期为7个工作日。"),
        new("审计", "finance", "县财政局关于2025年度县级预算执行审计查出问题整改情况的报告", null, 30, false, RecordKind.OtherDocument,
            "根据县审计局审计报告，现将整改情况公告如下：应整改问题12个，已整改11个，整改率91.7%……"),
        new("财政预决算", "finance", "2026年县财政局部门预算公开", null, 90, false, RecordKind.PublicFunds,
            "## 一、部门职责\n\n## 二、收支预算总表\n\n## 三、“三公”经费预算"),
        new("财政预算、决算信息", "finance", "关于2025年全县和县本级预算执行情况与2026年预算草案的报告", null, 100, false, RecordKind.PublicFunds,
            "2025年全县一般公共预算收入完成……"),
        new("公开制度", "gov-office", "县人民政府办公室政府信息公开保密审查制度", "青府办发〔2026〕5号", 120, false, RecordKind.NormativeDocument,
            "**第一条** 为规范政府信息公开保密审查工作，根据《中华人民共和国政府信息公开条例》第十七条，制定本制度。"),
    ];

    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, (int Id, string Name, string OrganisationCode)> departments, DateOnly today, CancellationToken ct)
    {
        var columns = await db.Columns.ToListAsync(ct);
        var counters = await db.IndexNumberCounters.ToListAsync(ct);
        var placed = new List<(Record Record, Planned Plan, DateOnly PublishedOn)>();
        foreach (var p in Plans)
        {
            if (columns.FirstOrDefault(c => c.NameZh == p.Column) is not { } column || !departments.TryGetValue(p.Department, out var department)) continue;
            // Offices publish on weekdays (the demo data's rule, SeedDataTests): a weekend moves back to the Friday.
            var publishedOn = today.AddDays(-p.DaysAgo);
            while (publishedOn.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) publishedOn = publishedOn.AddDays(-1);
            var record = Record.Create(department.Id, null, null, null, p.Kind, ChinaTime.At(publishedOn.AddDays(-1), new TimeOnly(9, 0)), column.Id);
            var counter = counters.FirstOrDefault(c => c.OrganisationCode == department.OrganisationCode && c.Year == publishedOn.Year);
            if (counter is null)
            {
                counter = new IndexNumberCounter(department.OrganisationCode, publishedOn.Year);
                counters.Add(counter);
                db.IndexNumberCounters.Add(counter);
            }
            record.AssignIndexNumber(counter.Next());
            db.Records.Add(record);
            placed.Add((record, p, publishedOn));
        }
        await db.SaveChangesAsync(ct);
        var versions = new List<RecordVersion>();
        foreach (var (record, p, publishedOn) in placed)
        {
            var submittedAt = ChinaTime.At(publishedOn, new TimeOnly(8, 30)).AddDays(-1);
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = p.Title,
                DocumentNumber = p.DocumentNumber,
                IssuingOrgan = departments[p.Department].Name,
                WrittenOn = publishedOn.AddDays(-3),
                Body = p.Body,
                IsSummary = p.Summary,
            }, Actor, submittedAt.AddHours(-2));
            version.Submit(submittedAt);
            version.Publish(publishedOn, ChinaTime.At(publishedOn, new TimeOnly(10, 0)));
            db.RecordVersions.Add(version);
            versions.Add(version);
        }
        await db.SaveChangesAsync(ct);
        foreach (var v in versions)
        {
            db.ReviewDecisions.AddRange(DemoReviews.For(v));
        }
        await db.SaveChangesAsync(ct);
    }
}
