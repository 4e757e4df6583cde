using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminColumns;

/// <summary>上移 / 下移: swaps the column with its neighbour among its siblings.</summary>
public sealed class ReorderColumnHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(int id, bool up, ClaimsPrincipal user, CancellationToken ct)
    {
        var all = await db.Columns.ToListAsync(ct);
        if (all.FirstOrDefault(c => c.Id == id) is not { } column) return Refusal.NotFound("没有找到该栏目。");
        var siblings = all.Where(c => c.ParentId == column.ParentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
        var at = siblings.IndexOf(column);
        var other = up ? at - 1 : at + 1;
        if (other < 0 || other >= siblings.Count) return column.NameZh;
        (siblings[at], siblings[other]) = (siblings[other], siblings[at]);
        for (var i = 0; i < siblings.Count; i++)
            if (siblings[i].SortOrder != i + 1) siblings[i].MoveTo(siblings[i].ParentId, i + 1, all);
        audit.Record(user, AuditActions.ColumnReorder, id, column.NameZh);
        await db.SaveChangesAsync(ct);
        return column.NameZh;
    }
}

/// <summary>停用 / 恢复 / 删除: a column that holds records is retired, never deleted (<see cref="ColumnTree.EnsureCanDelete"/>).</summary>
public sealed class RetireColumnHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<string>> RetireAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        await ChangeAsync(id, c => c.Retire(clock.GetUtcNow()), AuditActions.ColumnRetire, user, ct);

    public async Task<Outcome<string>> ReinstateAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        await ChangeAsync(id, c => c.Reinstate(), AuditActions.ColumnReinstate, user, ct);

    public async Task<Outcome<string>> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var column = await db.Columns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (column is null) return Refusal.NotFound("没有找到该栏目。");
        var records = await db.Records.CountAsync(r => r.ColumnId == id, ct);
        var children = await db.Columns.CountAsync(c => c.ParentId == id, ct);
        return await Outcome.Try(async () =>
        {
            ColumnTree.EnsureCanDelete(records, children);
            db.Columns.Remove(column);
            audit.Record(user, AuditActions.ColumnDelete, id, column.NameZh);
            await db.SaveChangesAsync(ct);
            return (Outcome<string>)column.NameZh;
        });
    }

    private async Task<Outcome<string>> ChangeAsync(int id, Action<DisclosureColumn> change, AuditAction action, ClaimsPrincipal user, CancellationToken ct)
    {
        var column = await db.Columns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (column is null) return Refusal.NotFound("没有找到该栏目。");
        return await Outcome.Try(async () =>
        {
            change(column);
            audit.Record(user, action, id, column.NameZh);
            await db.SaveChangesAsync(ct);
            return (Outcome<string>)column.NameZh;
        });
    }
}
