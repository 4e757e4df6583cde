using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.DisclosureColumns;

/// <summary>A column in tree order with its depth (1: top level), named in the page's language.</summary>
public sealed record ColumnNode(int Id, int? ParentId, string Name, string? Citation, int Depth, bool IsRetired);

/// <summary>One step of a column's path from the top of the tree.</summary>
public sealed record ColumnCrumb(int Id, string Name);

/// <summary>The column tree is small (dozens of rows): it is read whole and shaped by the Domain's <see cref="ColumnTree"/>.</summary>
public static class ColumnQueries
{
    public static async Task<List<DisclosureColumn>> AllAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Columns.AsNoTracking().ToListAsync(ct);

    /// <summary>The tree in order; without retired columns (and what lies under them) unless asked.</summary>
    public static IReadOnlyList<ColumnNode> Nodes(IReadOnlyCollection<DisclosureColumn> all, bool includeRetired)
    {
        var hidden = includeRetired ? new HashSet<int>() : all.Where(c => c.IsRetired).SelectMany(c => ColumnTree.Descendants(c.Id, all).Append(c.Id)).ToHashSet();
        return [.. ColumnTree.Ordered(all).Where(n => !hidden.Contains(n.Column.Id))
            .Select(n => new ColumnNode(n.Column.Id, n.Column.ParentId, Localization.Pick(n.Column.NameZh, n.Column.NameEn), n.Column.Citation, n.Depth, n.Column.IsRetired))];
    }

    public static async Task<IReadOnlyList<ColumnNode>> TreeAsync(PortalDbContext db, bool includeRetired, CancellationToken ct) =>
        Nodes(await AllAsync(db, ct), includeRetired);

    public static async Task<IReadOnlyList<ColumnCrumb>> PathAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var all = await AllAsync(db, ct);
        var path = new List<ColumnCrumb>();
        int? at = id;
        while (at is { } current && path.Count <= ColumnTree.MaxDepth && all.FirstOrDefault(c => c.Id == current) is { } column)
        {
            path.Insert(0, new ColumnCrumb(column.Id, Localization.Pick(column.NameZh, column.NameEn)));
            at = column.ParentId;
        }
        return path;
    }
}

/// <summary>The public tree drawn from <see cref="Parent"/> down.</summary>
public sealed record ColumnTreeModel(IReadOnlyList<ColumnNode> Tree, int? Parent, bool ShowCitations);
