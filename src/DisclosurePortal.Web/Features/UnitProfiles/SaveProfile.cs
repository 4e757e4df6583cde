using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>
/// Saves the editor's own unit's 机构概况 draft (the form and its validator: <see cref="ProfileForm"/>): the open draft
/// is changed, or a new version is started when the unit has none open. A version in review is not changed.
/// </summary>
public sealed class SaveProfileHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    private const string Changed = "保存失败：您打开此页后，机构概况已被他人修改或提交，请重新打开后再修改。";

    public async Task<Outcome<int>> HandleAsync(ProfileForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var department = user.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        var open = await ProfileQueries.OpenAsync(db, department, ct);
        if (open is { State: ProfileState.Submitted }) return Refusal.Conflict("机构概况已提交审核，审核完成前不能修改。");
        if (open is null && form.Version is not null) return Refusal.Conflict(Changed);
        return await Outcome.Try(async () =>
        {
            if (open is not null)
            {
                if (form.Version != open.Version) return Refusal.Conflict(Changed);
                await db.Entry(open).Collection(p => p.Offices).LoadAsync(ct);
                await db.Entry(open).Collection(p => p.Leaders).LoadAsync(ct);
                open.Edit(form.ToDraft(), clock.GetUtcNow());
                audit.Record(user, AuditActions.UnitProfileEdit, open.Id, $"修改机构概况草稿（第{open.Number}版）");
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Refusal.Conflict(Changed);
                }
                return (Outcome<int>)open.Id;
            }
            var number = (await db.UnitProfiles.Where(p => p.DepartmentId == department).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
            var profile = UnitProfile.Create(department, number, form.ToDraft(), user.DisplayName(), clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.UnitProfiles.Add(profile);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another editor of the unit started a version with the same number at the same moment (unique index).
                return Refusal.Conflict(Changed);
            }
            audit.Record(user, AuditActions.UnitProfileCreate, profile.Id, $"新建机构概况草稿（第{number}版）");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<int>)profile.Id;
        });
    }
}
