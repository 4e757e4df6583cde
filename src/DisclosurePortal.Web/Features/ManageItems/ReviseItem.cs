using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// 修改公开事项 (<see cref="EditItemForm"/>): a revision naming the changed elements and the 修改说明, and its audit
/// event. A form opened at an older version is refused (<see cref="ItemSaves.Conflict"/>), before saving and again in
/// the database; a form that changes nothing saves nothing (<see cref="ItemRevised.Unchanged"/>).
/// </summary>
public sealed class ReviseItemHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> L, ILogger<ReviseItemHandler> logger)
{
    public async Task<Outcome<ItemRevised>> HandleAsync(CatalogueItem item, EditItemForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ItemForm.ParseInt(form.Version) is not { } openedAt || openedAt != item.Version) return ItemSaves.Conflict;
        var before = item.ToElements();
        var after = form.ToElements();
        if (after == before) return new ItemRevised(Unchanged: true);

        var now = clock.GetUtcNow();
        // The UPDATE says WHERE Version = the version the form was opened at: a save that won a race since is caught here too.
        db.Entry(item).Property(i => i.Version).OriginalValue = openedAt;
        var revised = Outcome.Try(() =>
        {
            item.Revise(after, now);
            return (Outcome<ItemRevised>)new ItemRevised(Unchanged: false);
        });
        if (!revised.Done) return revised;
        var note = string.IsNullOrWhiteSpace(form.ChangeNote) ? null : form.ChangeNote.Trim();
        db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
            item.Id, await ManageItemsQueries.NextRevisionNumberAsync(db, item.Id, ct), CatalogueItemChange.Revised,
            ItemSnapshots.Serialize(item.ToElements()), user.DisplayName(), note, now, user.UserId()));
        var changed = string.Join("、", ItemSnapshots.Changes(before, item.ToElements(), L).Select(c => c.Label));
        audit.Record(user, AuditActions.ItemRevise, item.Id,
            $"修订公开事项：{item.DisplayName}；修改要素：{changed}" + (note is null ? string.Empty : $"；修改说明：{note}"));
        if (!await ItemSaves.SaveOrLoseRaceAsync(db, logger, item.Id, openedAt, ct)) return ItemSaves.Conflict;

        logger.LogInformation("Catalogue item {ItemId} revised by {UserId}", item.Id, user.UserId());
        return revised;
    }
}

public sealed record ItemRevised(bool Unchanged);
