using DisclosurePortal.Domain.Columns;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The column tree a new site starts with (issue 20 §3): 公开制度, 法定主动公开内容 with the fifteen items of 条例 Art. 20,
/// and the local columns (<see cref="StatutoryColumns"/>). Seeded once, into an empty table: after that the tree is the
/// administrator's, with or without demo data.
/// </summary>
public static class ColumnSeeder
{
    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        if (await db.Columns.AnyAsync(ct)) return;
        var order = 0;
        db.Columns.Add(DisclosureColumn.Create("公开制度", "Disclosure rules", null, null, ++order));
        var root = DisclosureColumn.Create(StatutoryColumns.RootZh, "Information disclosed proactively by law", "条例第二十条", null, ++order);
        db.Columns.Add(root);
        await db.SaveChangesAsync(ct);
        AddChildren(db, root.Id, StatutoryColumns.Article20);
        foreach (var local in StatutoryColumns.Local)
        {
            var column = DisclosureColumn.Create(local.NameZh, local.NameEn, local.Citation, null, ++order);
            db.Columns.Add(column);
            await db.SaveChangesAsync(ct);
            AddChildren(db, column.Id, local.Children);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void AddChildren(PortalDbContext db, int parentId, IReadOnlyList<StatutoryColumns.Seed> children)
    {
        var n = 0;
        foreach (var c in children) db.Columns.Add(DisclosureColumn.Create(c.NameZh, c.NameEn, c.Citation, parentId, ++n));
    }
}
