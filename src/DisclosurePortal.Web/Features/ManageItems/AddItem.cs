using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// 新增公开事项 (<see cref="NewItemForm"/>, validated by <see cref="NewItemFormValidator"/>) in the editor's own
/// department, last in its domain and stage, with its first revision and its audit event.
/// </summary>
public sealed class AddItemHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ILogger<AddItemHandler> logger)
{
    public async Task<Outcome<CatalogueItem>> HandleAsync(NewItemForm form, int departmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var domainId = ItemForm.ParseInt(form.DomainId)!.Value;
        var stageId = ItemForm.ParseInt(form.StageId)!.Value;
        var now = clock.GetUtcNow();
        var sortOrder = (await db.CatalogueItems.Where(i => i.DomainId == domainId && i.StageId == stageId).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1;
        // The department is the editor's own, never a form field.
        var created = Outcome.Try(() => (Outcome<CatalogueItem>)CatalogueItem.Create(form.ToElements(), departmentId, domainId, stageId, now, sortOrder));
        if (created.Value is not { } item) return created;

        // The item's id comes from the database, and the revision and the audit event name it: two SaveChanges, one
        // transaction, so the item never exists without its first revision and its audit event.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync(ct);
            db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
                item.Id, 1, CatalogueItemChange.Added, ItemSnapshots.Serialize(item.ToElements()), user.DisplayName(), null, now, user.UserId()));
            audit.Record(user, AuditActions.ItemAdd, item.Id, $"新增公开事项：{item.DisplayName}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Catalogue item {ItemId} added by {UserId}", item.Id, user.UserId());
        return item;
    }
}
