using System.Globalization;
using System.Text.Json;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Tools.Generator;

internal sealed record GeneratedDepartment(int Id, string Name, string OrganisationCode, string DocumentPrefix, string? Town);

/// <summary>A catalogue item as the record generator needs it: where records go, what they are called, how often.</summary>
internal sealed record GeneratedItem(
    int Id, int DomainId, int StageId, GeneratedDepartment Department, RecordKind Kind,
    TextTemplate[] OwnTitles, string Topic, string Name, string DomainName, double Weight);

/// <summary>One column of the catalogue (a domain at one stage), its items, and its share of the records.</summary>
internal sealed class GeneratedCell(string domainCode, string stageCode, IReadOnlyList<GeneratedItem> items)
{
    private readonly double[] _cumulative = Cumulative(items.Select(i => i.Weight));

    public string DomainCode { get; } = domainCode;
    public string StageCode { get; } = stageCode;
    public IReadOnlyList<GeneratedItem> Items { get; } = items;
    public double Weight { get; set; }

    public GeneratedItem PickItem(Random random) => Items[Pick(_cumulative, random)];

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0d;
        return [.. weights.Select(w => sum += w)];
    }

    public static int Pick(double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}

/// <summary>
/// The departments (the demo county's 18, nine more bureaus, the 13 township governments: 40) and a catalogue over
/// all 26 domains × 5 stages: the demo's items where it has them (a made-up one where it has not), the same item for
/// the bureaus that share a domain and for a few townships. Written through EF and the domain's constructors (a few
/// hundred rows); the records that follow are the bulk.
/// </summary>
internal sealed class GeneratedCatalogue
{
    /// <summary>The column that gets the most records: 公共资源交易 results (tender awards) are a portal's busiest list.</summary>
    public const string LargestDomain = "public-resource-trading";
    public const string LargestStage = "result";

    /// <summary>Zipf exponent of the columns' shares: the largest gets about 8 % of the records, the smallest a few hundredths of one.</summary>
    private const double Skew = 0.7;

    private GeneratedCatalogue(IReadOnlyList<GeneratedDepartment> departments, IReadOnlyList<GeneratedCell> cells)
    {
        Departments = departments;
        Cells = cells;
        CellCumulative = GeneratedCell.Cumulative(cells.Select(c => c.Weight));
    }

    public IReadOnlyList<GeneratedDepartment> Departments { get; }
    public IReadOnlyList<GeneratedCell> Cells { get; }
    public double[] CellCumulative { get; }
    public int ItemCount => Cells.Sum(c => c.Items.Count);

    public static async Task<GeneratedCatalogue> CreateAsync(PortalDbContext db, Random random, DateTimeOffset now, CancellationToken ct)
    {
        // Departments.
        var entities = new List<(string Key, Department Entity, string? Town)>();
        foreach (var d in DemoContent.Departments)
            entities.Add((d.Key, new Department(d.Name, d.ShortName, d.OrganisationCode, d.DocumentPrefix, entities.Count + 1), null));
        foreach (var b in GeneratedContent.ExtraBureaus)
            entities.Add((b.Key, new Department(b.Name, b.ShortName, OrganisationCode(entities.Count + 1), b.Prefix, entities.Count + 1), null));
        foreach (var town in DemoContent.Towns)
        {
            var street = town.EndsWith("街道", StringComparison.Ordinal);
            var name = street ? $"青川县{town}办事处" : $"青川县{town}人民政府";
            var prefix = town[..^(street ? 2 : 1)] + (street ? "办发" : "府发");
            entities.Add(("town:" + town, new Department(name, town, OrganisationCode(entities.Count + 1), prefix, entities.Count + 1), town));
        }
        db.Departments.AddRange(entities.Select(e => e.Entity));
        // The generated county is the demo one: its particulars too, or the portal would open on its setup page (issue 20).
        if (!await db.SiteIdentities.AnyAsync(ct))
            db.SiteIdentities.Add(DisclosurePortal.Domain.Site.SiteIdentity.Create(DemoSiteIdentity.Fields, "数据生成", now));
        await db.SaveChangesAsync(ct);
        var departments = entities.ToDictionary(
            e => e.Key, e => new GeneratedDepartment(e.Entity.Id, e.Entity.Name, e.Entity.OrganisationCode, e.Entity.DocumentPrefix, e.Town));
        var townships = departments.Values.Where(d => d.Town is not null).ToList();

        // Items, column by column.
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        var planned = new List<(CatalogueItem Entity, Func<int, GeneratedItem> Describe)>();
        var cells = new List<(string Domain, string Stage, List<int> Planned)>();
        foreach (var domain in domains)
        {
            var demoInDomain = DemoContent.Items.Where(i => i.DomainCode == domain.Code).ToList();
            var owner = demoInDomain.GroupBy(i => i.DepartmentKey).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "gov-office";
            var bureaus = GeneratedContent.ExtraBureaus.Where(b => b.Domains.Contains(domain.Code)).Select(b => departments[b.Key]).ToList();
            foreach (var stage in stages)
            {
                var cell = new List<int>();
                var order = 0;
                void Add(CatalogueItemElements elements, GeneratedDepartment department, RecordKind kind, string[] titles, double weight)
                {
                    var entity = CatalogueItem.Create(elements, department.Id, domain.Id, stage.Id, now, ++order);
                    var ownTitles = TextTemplate.All(titles);
                    cell.Add(planned.Count);
                    planned.Add((entity, id => new GeneratedItem(id, domain.Id, stage.Id, department, kind, ownTitles,
                        elements.NameLevel1!, elements.NameLevel2!, domain.NameZh, weight)));
                }

                var demoItems = demoInDomain.Where(i => i.StageCode == stage.Code).ToList();
                var primary = demoItems.Select(i => (Elements: i.ToElements(), Department: departments[i.DepartmentKey], i.RecordKind, i.TitleTemplates)).ToList();
                if (primary.Count == 0)
                    primary.Add((MadeUpElements(domain.NameZh, stage.Code), departments[owner], GeneratedContent.KindForStage(stage.Code), []));
                foreach (var p in primary) Add(p.Elements, p.Department, p.RecordKind, p.TitleTemplates, 6);
                var first = primary[0];
                foreach (var bureau in bureaus) Add(first.Elements, bureau, first.RecordKind, first.TitleTemplates, 3);
                // Townships publish the same item for their own area (公开层级 乡级).
                foreach (var town in townships.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
                    Add(first.Elements with { Level = AdministrativeLevel.Township }, town, first.RecordKind, [], 1.5);
                cells.Add((domain.Code, stage.Code, cell));
            }
        }
        db.CatalogueItems.AddRange(planned.Select(p => p.Entity));
        await db.SaveChangesAsync(ct);
        db.CatalogueItemRevisions.AddRange(planned.Select(p => new CatalogueItemRevision(
            p.Entity.Id, 1, CatalogueItemChange.Added, JsonSerializer.Serialize(p.Entity.ToElements()), "数据生成器", "初始目录", now)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var generatedCells = cells.Select(c => new GeneratedCell(c.Domain, c.Stage,
            [.. c.Planned.Select(i => planned[i].Describe(planned[i].Entity.Id))])).ToList();
        AssignShares(generatedCells, random);
        return new GeneratedCatalogue([.. departments.Values], generatedCells);
    }

    /// <summary>Zipf shares over a fixed (seeded) order of the columns, the designated largest column first.</summary>
    private static void AssignShares(List<GeneratedCell> cells, Random random)
    {
        var ranked = cells.OrderBy(c => c.DomainCode == LargestDomain && c.StageCode == LargestStage ? 0 : 1)
            .ThenBy(_ => random.Next()).ToList();
        for (var rank = 0; rank < ranked.Count; rank++) ranked[rank].Weight = 1 / Math.Pow(rank + 1, Skew);
    }

    /// <summary>An 18-character 统一社会信用代码 (GB 32100 alphabet) for a made-up department: unique by its number.</summary>
    private static string OrganisationCode(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"1151109907{number:D2}{number * 7919 % 100000:D5}H");


    private static CatalogueItemElements MadeUpElements(string domainName, string stageCode)
    {
        var (level1, level2) = GeneratedContent.ItemNames(domainName, stageCode);
        return new()
        {
            NameLevel1 = level1,
            NameLevel2 = level2,
            Content = $"{level2}的主要内容、依据、办理情况和结果。",
            Basis = $"《中华人民共和国政府信息公开条例》《{domainName}领域基层政务公开标准指引》",
            TimeLimitText = "信息形成或变更之日起20个工作日内",
            TimeLimit = new TimeLimitRule(TimeLimitKind.WorkingDaysAfterFormed, 20),
            Method = DisclosureMethod.Proactive,
            Channels = DisclosureChannels.GovernmentWebsite | DisclosureChannels.NoticeBoard,
            Audience = Audience.Public,
            Level = AdministrativeLevel.County,
            Frequency = UpdateFrequency.RealTime,
        };
    }
}
