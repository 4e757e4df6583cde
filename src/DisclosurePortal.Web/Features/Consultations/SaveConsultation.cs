using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Consultation = DisclosurePortal.Domain.Consultations.Consultation;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// 新建 or 修改 a consultation (the form and its validator: <see cref="ConsultationForm"/>) of the editor's own
/// department, placed under one of its active catalogue items of the 决策 stage.
/// </summary>
public sealed class SaveConsultationHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The stage code under which consultations are placed (the first of the five).</summary>
    public const string DecisionStage = "decision";

    public static IQueryable<CatalogueItem> DecisionItems(PortalDbContext db, int departmentId) =>
        from i in db.CatalogueItems
        join s in db.Stages on i.StageId equals s.Id
        where i.DepartmentId == departmentId && i.Status == CatalogueItemStatus.Active && s.Code == DecisionStage
        select i;

    public async Task<Outcome<int>> CreateAsync(ConsultationForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var department = user.DepartmentId()!.Value;
        if (await ItemAsync(department, form, ct) is not { } item) return NoItem;
        return await Outcome.Try(async () =>
        {
            var c = Consultation.Create(department, form.ToDraft(item.DomainId), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Consultations.Add(c);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.ConsultationCreate, c.Id, $"新建民意征集：{c.Title}（{c.StartsOn:yyyy-MM-dd} 至 {c.EndsOn:yyyy-MM-dd}）");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }

    /// <param name="c">Tracked, the editor's own (<see cref="ConsultationQueries.OwnAsync"/>).</param>
    public async Task<Outcome<int>> UpdateAsync(Consultation c, ConsultationForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (form.Version != c.Version) return Refusal.Conflict("保存失败：您打开此页后，该征集已被他人修改或提交，请重新打开后再修改。");
        if (await ItemAsync(c.DepartmentId, form, ct) is not { } item) return NoItem;
        await db.Entry(c).Collection(x => x.Questions).LoadAsync(ct);
        return await Outcome.Try(async () =>
        {
            c.Edit(form.ToDraft(item.DomainId), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationEdit, c.Id, $"修改民意征集：{c.Title}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict("保存失败：您打开此页后，该征集已被他人修改或提交，请重新打开后再修改。");
            }
            return (Outcome<int>)c.Id;
        });
    }

    private static readonly Refusal NoItem = new("请选择本部门“决策”阶段的公开事项。");

    private Task<CatalogueItem?> ItemAsync(int department, ConsultationForm form, CancellationToken ct) =>
        DecisionItems(db, department).FirstOrDefaultAsync(i => i.Id == form.CatalogueItemId, ct);
}
