using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo townships and a village (issue 20 §7): 乔庄镇 and 青溪镇 with their own catalogue (copies of the county's 乡级
/// items), profiles and records, and 阴平村 under 青溪镇 with its 村务公开 records. Every step goes through the Domain.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private static readonly (string Name, string ShortName, string Code, string Prefix, string Address, string Phone)[] Townships =
    [
        ("青川县乔庄镇人民政府", "乔庄镇", "11511099MB0012345K", "乔府发", "青川县乔庄镇东街18号", "0839-7212001"),
        ("青川县青溪镇人民政府", "青溪镇", "11511099MB0023456T", "青溪府发", "青川县青溪镇阴平路6号", "0839-7231001"),
    ];

    private async Task SeedUnitsAsync(IReadOnlyDictionary<string, Department> county, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var seat = county["gov-office"];
        var towns = Townships.Select((t, i) =>
        {
            var d = new Department(t.Name, t.ShortName, t.Code, t.Prefix, 100 + i);
            d.PlaceIn(UnitLevel.Township, seat);
            return d;
        }).ToList();
        db.Departments.AddRange(towns);
        await db.SaveChangesAsync(ct);
        var village = new Department("青川县青溪镇阴平村民委员会", "阴平村", "54511023MF0034567X", "阴平村", 200);
        village.PlaceIn(UnitLevel.Village, towns[1]);
        db.Departments.Add(village);
        await db.SaveChangesAsync(ct);

        // Each township's catalogue: the county's 乡级 items, one of each name.
        var templates = (await db.CatalogueItems.AsNoTracking().Where(i => i.Level == AdministrativeLevel.Township && i.Status == CatalogueItemStatus.Active)
            .OrderBy(i => i.Id).ToListAsync(ct)).DistinctBy(i => i.NameLevel2).Take(8).ToList();
        if (templates.Count == 0) return;
        var items = new Dictionary<int, List<CatalogueItem>>();
        foreach (var unit in towns.Append(village))
        {
            var own = (unit == village ? templates.Take(2) : templates).Select((t, n) =>
                CatalogueItem.Create(t.ToElements(), unit.Id, t.DomainId, t.StageId, now.AddYears(-1), n + 1)).ToList();
            db.CatalogueItems.AddRange(own);
            items[unit.Id] = own;
        }
        await db.SaveChangesAsync(ct);

        var counters = new Dictionary<(string, int), IndexNumberCounter>();
        var planned = new List<(Record Record, RecordMetadata Metadata, DateOnly PublishedOn)>();
        void Publish(Department unit, CatalogueItem item, string title, string body, int daysAgo)
        {
            var publishedOn = Weekday(today.AddDays(-daysAgo));
            var record = Record.Create(unit.Id, item.Id, item.DomainId, item.StageId, RecordKind.Notice, ChinaTime.At(publishedOn.AddDays(-2), new TimeOnly(9, 0)));
            record.AssignIndexNumber(NextIndexNumber(counters, unit.OrganisationCode, publishedOn.Year));
            db.Records.Add(record);
            // A title that promises a list gets one (a 名单公示 is its table), as every demo record does (DemoTables).
            var table = DemoTables.For(title, new Random(daysAgo), unit.Name);
            planned.Add((record, new RecordMetadata { Title = title, IssuingOrgan = unit.Name, WrittenOn = publishedOn, Body = body + table }, publishedOn));
        }
        // Records are saved first so that their versions can name them.
        foreach (var (town, n) in towns.Select((t, n) => (t, n)))
        {
            var own = items[town.Id];
            Publish(town, own[0], $"{town.ShortName}{today.Year}年第三季度城乡居民最低生活保障对象名单公示", $"根据《社会救助暂行办法》，现将{town.ShortName}本季度新增低保对象名单予以公示，公示期7天。", 20 + n);
            Publish(town, own[1 % own.Count], $"{town.ShortName}关于开展农村危房改造申报工作的通知", "各村（社区）：现就本年度农村危房改造申报工作通知如下。", 45 + n);
            Publish(town, own[2 % own.Count], $"{town.ShortName}{today.Year}年惠民惠农财政补贴资金发放情况公示", "现将本镇惠民惠农财政补贴资金发放情况公示如下。", 70 + n);
            Publish(town, own[3 % own.Count], $"{town.ShortName}防汛抗旱应急预案", "为做好本镇防汛抗旱工作，制定本预案。", 400 + n);
        }
        var villageItems = items[village.Id];
        for (var m = 0; m < 6; m++)
        {
            var month = today.AddMonths(-m - 1);
            Publish(village, villageItems[m % villageItems.Count], $"阴平村{month.Year}年{month.Month}月村级财务收支公开",
                $"阴平村{month.Year}年{month.Month}月收入、支出及结余情况公开如下，接受村民监督。", 30 * m + 5);
        }
        // The units' 索引号 counters are kept, as the county's are: a submission takes the next serial, not one in use.
        db.IndexNumberCounters.AddRange(counters.Values);
        await db.SaveChangesAsync(ct);
        var versions = planned.Select(p => PublishedVersion(p.Record, p.Metadata, p.PublishedOn)).ToList();
        db.RecordVersions.AddRange(versions);
        await db.SaveChangesAsync(ct);
        // Nothing goes public unreviewed: each carries the reviews the default chain asks, as the county's records do.
        foreach (var v in versions)
        {
            db.ReviewDecisions.AddRange(DemoReviews.For(v));
        }
        await db.SaveChangesAsync(ct);

        // Profiles: the townships' and the village's, published.
        foreach (var (town, t) in towns.Zip(Townships))
        {
            var profile = UnitProfile.Create(town.Id, 1, new ProfileDraft
            {
                Functions = $"贯彻执行党和国家的路线方针政策，负责{t.ShortName}经济社会发展、社会事务管理和公共服务。\n\n负责本镇政务公开工作，指导各村（社区）村（居）务公开。",
                Address = t.Address,
                OfficeHours = "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
                Phone = t.Phone,
                ComplaintPhone = "12345",
                Offices = [new OfficeDraft("党政综合办公室", "负责镇党委、政府日常事务和政务公开。", t.Phone), new OfficeDraft("便民服务中心", "集中办理社会保障、民政救助等便民事项。", null)],
                Leaders = [new LeaderDraft(t.ShortName == "乔庄镇" ? "何建军" : "蒲志刚", "镇长", "主持镇政府全面工作。")],
            }, "演示编辑", now.AddDays(-90));
            profile.Submit(now.AddDays(-89));
            profile.Publish(null, "演示审核员", now.AddDays(-88));
            db.UnitProfiles.Add(profile);
        }
        var villageProfile = UnitProfile.Create(village.Id, 1, new ProfileDraft
        {
            Functions = "办理本村公共事务和公益事业，调解民间纠纷，协助维护社会治安，向镇人民政府反映村民的意见、要求和提出建议。",
            Address = "青川县青溪镇阴平村村委会办公楼",
            OfficeHours = "工作日 上午9:00—12:00，下午14:30—17:00",
            Phone = "0839-7231188",
            Leaders = [new LeaderDraft("王德福", "村党支部书记、村民委员会主任", "主持村党支部和村委会全面工作。")],
        }, "演示编辑", now.AddDays(-60));
        villageProfile.Submit(now.AddDays(-59));
        villageProfile.Publish(null, "演示审核员", now.AddDays(-58));
        db.UnitProfiles.Add(villageProfile);
        await db.SaveChangesAsync(ct);
    }
}
