using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Powers;

/// <summary>
/// 新建, 修改 or 变更 a power of the editor's own department (the form and its validator: <see cref="PowerForm"/>).
/// A save to a public power opens a change: the public keeps the approved version until the office approves the new one.
/// </summary>
public sealed class SavePowerHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string StaleMessage = "保存失败：您打开此页后，该权力事项已被他人修改或提交，请重新打开后再修改。";

    public async Task<Outcome<int>> CreateAsync(PowerForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var department = user.DepartmentId()!.Value;
        return await Outcome.Try(async () =>
        {
            var power = Power.Create(department, form.ToDraft(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Powers.Add(power);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.PowerCreate, power.Id, $"新建权责清单事项：{power.Open!.Name}（{PowerNames.Describe(power.Open.Category)}）");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<int>)power.Id;
        });
    }

    /// <param name="power">Tracked with its revisions, the editor's own (<see cref="PowerQueries.OwnAsync"/>).</param>
    public async Task<Outcome<int>> UpdateAsync(Power power, PowerForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (form.Version != power.Version) return Refusal.Conflict(StaleMessage);
        var change = power.Published is not null && power.Open is null;
        return await Outcome.Try(async () =>
        {
            power.Save(form.ToDraft(), form.Changed, clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            var open = power.Open!;
            audit.Record(user, AuditActions.PowerEdit, power.Id, change
                ? $"变更权责清单事项：{open.Name}（第{open.Number}版，变化日期{open.ChangedOn:yyyy-MM-dd}）"
                : $"修改权责清单事项：{open.Name}（第{open.Number}版）");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict(StaleMessage);
            }
            return (Outcome<int>)power.Id;
        });
    }
}
