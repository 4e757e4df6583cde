using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// 停用公开事项 (<see cref="RetireForm"/>: a reason, validated while binding): a revision with the reason and its audit
/// event; a form opened at an older version is refused (<see cref="ItemSaves.Conflict"/>).
/// </summary>
public sealed class RetireItemHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ILogger<RetireItemHandler> logger)
{
    public async Task<Outcome<CatalogueItem>> HandleAsync(CatalogueItem item, RetireForm retire, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ItemForm.ParseInt(retire.Version) is not { } openedAt || openedAt != item.Version) return ItemSaves.Conflict;
        var now = clock.GetUtcNow();
        db.Entry(item).Property(i => i.Version).OriginalValue = openedAt;
        var retired = Outcome.Try(() =>
        {
            item.Retire(retire.Reason!, now);
            return (Outcome<CatalogueItem>)item;
        });
        if (!retired.Done) return retired;
        db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
            item.Id, await ManageItemsQueries.NextRevisionNumberAsync(db, item.Id, ct), CatalogueItemChange.Retired,
            ItemSnapshots.Serialize(item.ToElements()), user.DisplayName(), item.RetiredReason, now, user.UserId()));
        audit.Record(user, AuditActions.ItemRetire, item.Id, $"停用公开事项：{item.DisplayName}；理由：{item.RetiredReason}");
        if (!await ItemSaves.SaveOrLoseRaceAsync(db, logger, item.Id, openedAt, ct)) return ItemSaves.Conflict;

        logger.LogInformation("Catalogue item {ItemId} retired by {UserId}", item.Id, user.UserId());
        return item;
    }
}
