using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>Saving a change to an item that someone else may have changed since the form was opened.</summary>
public static class ItemSaves
{
    /// <summary>Nothing was saved: the item changed since the form was opened (the page shows it as it now is).</summary>
    public static readonly Refusal Conflict = Refusal.Conflict("该事项已被他人修改，您的修改没有保存。请对照“当前已保存的内容”核对后重新提交；您填写的内容已保留在表单中。");

    /// <summary>Saves; false when the item changed in the database meanwhile (then nothing is tracked any more).</summary>
    public static async Task<bool> SaveOrLoseRaceAsync(PortalDbContext db, ILogger logger, int itemId, int openedAt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e)
        {
            // DbUpdateConcurrencyException from the version check; or, when the revision row went first, the unique
            // (item, revision number) index refusing a second revision with the same number. Either way, if the
            // item's version has moved on, someone else's save won.
            db.ChangeTracker.Clear();
            var current = await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == itemId, ct);
            if (current.Version == openedAt) throw;
            logger.LogInformation(e, "Catalogue item {ItemId}: save lost a race (version {OpenedAt} → {Current})", itemId, openedAt, current.Version);
            return false;
        }
    }
}
