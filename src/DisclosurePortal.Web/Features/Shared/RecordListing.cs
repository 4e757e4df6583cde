using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>One line of a public list of records.</summary>
public sealed record RecordListItem(int RecordId, string Title, string? DocumentNumber, DateOnly PublishedOn, RecordKind Kind, string DepartmentName);

public static class RecordListing
{
    public const int PageSize = 20;

    /// <summary>
    /// A page of published versions, newest first, ordered on (PublishedOn, Id) so that the order is stable and
    /// the listing indexes (IX_RecordVersions_Published_*) serve it; departments are joined, not looked up per row.
    /// </summary>
    public static async Task<(PageInfo Page, List<RecordListItem> Items)> PageAsync(
        PortalDbContext db, IQueryable<RecordVersion> published, int page, CancellationToken ct)
    {
        var total = await published.CountAsync(ct);
        var info = new PageInfo(page, PageSize, total);
        var items = await Project(db, published.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Skip(info.Skip).Take(PageSize))
            .ToListAsync(ct);
        return (info, items);
    }

    public static IQueryable<RecordListItem> Project(PortalDbContext db, IQueryable<RecordVersion> versions) =>
        from v in versions
        join d in db.Departments on v.DepartmentId equals d.Id
        select new RecordListItem(v.RecordId, v.Title, v.DocumentNumber, v.PublishedOn!.Value, v.Kind, d.Name);
}
