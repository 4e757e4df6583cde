using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Guides;

/// <summary>
/// 新建, 修改 or 变更 a guide of the editor's own department, with its materials' template files (checked by content,
/// stored like attachments, under the public guide's id so that an approved change keeps them). A save to a public
/// guide opens a change (<see cref="ServiceGuide.Revise"/>): the public keeps the approved version until it is approved.
/// </summary>
public sealed class SaveGuideHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, AttachmentStorage storage, UploadAttachmentHandler uploads)
{
    public const string StaleMessage = "保存失败：您打开此页后，该办事指南已被他人修改或提交，请重新打开后再修改。";

    public async Task<Outcome<int>> CreateAsync(GuideForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CheckFilesAsync(form, ct) is { } refusal) return refusal;
        if (!await db.Domains.AnyAsync(d => d.Id == form.DomainId, ct)) return new Refusal("请选择所属领域。");
        return await Outcome.Try(async () =>
        {
            var guide = ServiceGuide.Create(user.DepartmentId()!.Value, form.ToDraft(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            return await SaveNewAsync(guide, null, form, user, AuditActions.GuideCreate, $"新建办事指南：{guide.Name}", ct);
        });
    }

    /// <param name="guide">Tracked, the editor's own (<see cref="GuideManageQueries.OwnAsync"/>).</param>
    public async Task<Outcome<int>> UpdateAsync(ServiceGuide guide, GuideForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CheckFilesAsync(form, ct) is { } refusal) return refusal;
        if (!await db.Domains.AnyAsync(d => d.Id == form.DomainId, ct)) return new Refusal("请选择所属领域。");
        if (guide.State == GuideState.Published)
        {
            if (await db.ServiceGuides.AnyAsync(g => g.RevisionOfId == guide.Id && (g.State == GuideState.Draft || g.State == GuideState.Submitted), ct))
                return Refusal.Conflict("该办事指南已有一份变更在办理中，请修改那一份。");
            return await Outcome.Try(async () =>
            {
                var change = ServiceGuide.Revise(guide, form.ToDraft(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
                return await SaveNewAsync(change, guide.Id, form, user, AuditActions.GuideEdit, $"变更办事指南：{change.Name}（审核通过前网站仍显示原版本）", ct);
            });
        }
        if (form.Version != guide.Version) return Refusal.Conflict(StaleMessage);
        return await Outcome.Try(async () =>
        {
            guide.Edit(form.ToDraft(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.GuideEdit, guide.Id, $"修改办事指南：{guide.Name}");
            await AttachFilesAsync(guide, guide.RevisionOfId ?? guide.Id, form, user, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict(StaleMessage);
            }
            return (Outcome<int>)guide.Id;
        });
    }

    private async Task<Outcome<int>> SaveNewAsync(ServiceGuide guide, int? publicId, GuideForm form, ClaimsPrincipal user, AuditAction action, string note, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ServiceGuides.Add(guide);
        await db.SaveChangesAsync(ct);
        audit.Record(user, action, guide.Id, note);
        await AttachFilesAsync(guide, publicId ?? guide.Id, form, user, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return guide.Id;
    }

    private async Task<Refusal?> CheckFilesAsync(GuideForm form, CancellationToken ct)
    {
        foreach (var (_, _, m) in form.FilledMaterials())
        {
            if (m.Template is not { } file) continue;
            await using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (_, refusal) = uploads.Check(file.FileName, buffer);
            if (refusal is not null) return refusal;
        }
        return null;
    }

    private async Task AttachFilesAsync(ServiceGuide guide, int ownerId, GuideForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var added = false;
        foreach (var (situation, material, m) in form.FilledMaterials().ToList())
        {
            if (m.Template is not { } file) continue;
            await using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (type, _) = uploads.Check(file.FileName, buffer);
            var (key, sha) = await storage.WriteAsync("guides", buffer, type!.Extension, clock.GetUtcNow(), ct);
            var name = AttachmentInspector.CleanFileName(file.FileName, type);
            var template = new GuideTemplate(ownerId, name, type.ContentType, buffer.Length, key, sha, clock.GetUtcNow(), user.DisplayName());
            db.GuideTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            guide.AttachTemplate(situation, material, template.Id, clock.GetUtcNow());
            audit.Record(user, AuditActions.GuideEdit, guide.Id, $"上传材料模板：{name}（{type.Name}，{buffer.Length} 字节）");
            added = true;
        }
        if (added) await db.SaveChangesAsync(ct);
    }
}

/// <summary>提交审核 by the department's editor.</summary>
public sealed class SubmitGuideHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await GuideManageQueries.OwnAsync(db, user, id, ct) is not { } guide) return Refusal.NotFound("没有找到该办事指南。");
        if (guide.Version != version) return Refusal.Conflict("该办事指南在您打开后已发生变化，请重新打开后再提交。");
        return await Outcome.Try(async () =>
        {
            guide.Submit(user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.GuideSubmit, guide.Id, $"草稿 → 待审核：{guide.Name}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)guide.Id;
        });
    }
}

/// <summary>The office's decision (Reviewer): approve (public; a change is taken into the public guide) or return with a reason.</summary>
public sealed class DecideGuideHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Version = "version";
        public const string Reason = "reason";
    }

    public const int ReasonLength = 1000;
    private const string Stale = "该办事指南在您审核期间已发生变化，请重新打开后审核。";

    public async Task<Outcome<int>> ApproveAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.ServiceGuides.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } guide) return Refusal.NotFound("没有找到该办事指南。");
        if (guide.Version != version) return Refusal.Conflict(Stale);
        return await Outcome.Try(async () =>
        {
            var publicId = guide.Id;
            if (guide.RevisionOfId is { } of)
            {
                var published = await db.ServiceGuides.SingleAsync(g => g.Id == of, ct);
                guide.ApproveChange(published, clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
                publicId = published.Id;
                audit.Record(user, AuditActions.GuideApprove, published.Id, $"变更审核通过并公开：{published.Name}");
            }
            else
            {
                guide.Approve(clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
                audit.Record(user, AuditActions.GuideApprove, guide.Id, $"待审核 → 已公开：{guide.Name}");
            }
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)publicId;
        });
    }

    public async Task<Outcome<int>> ReturnAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("请填写退回理由。");
        if (reason.Length > ReasonLength) return new Refusal("退回理由不能超过1000个字。");
        if (TypedText.IsRefused(reason, multiLine: true)) return new Refusal(TypedText.FieldMessage);
        if (await db.ServiceGuides.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } guide) return Refusal.NotFound("没有找到该办事指南。");
        if (guide.Version != version) return Refusal.Conflict(Stale);
        return await Outcome.Try(async () =>
        {
            guide.Return(reason, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.GuideReturn, guide.Id, $"待审核 → 退回修改：{reason.Trim()}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)guide.Id;
        });
    }
}

public static class GuideManageQueries
{
    public static async Task<ServiceGuide?> OwnAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var guide = await db.ServiceGuides.Include(g => g.Events).FirstOrDefaultAsync(g => g.Id == id, ct);
        return guide is not null && user.EditsFor(guide.DepartmentId) ? guide : null;
    }

    public static async Task<ServiceGuide?> StaffVisibleAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var guide = await db.ServiceGuides.AsNoTracking().Include(g => g.Events).FirstOrDefaultAsync(g => g.Id == id, ct);
        return guide is not null && (user.EditsFor(guide.DepartmentId) || user.IsInRole(Roles.Reviewer)) ? guide : null;
    }

    public static async Task<IReadOnlyList<PendingGuide>> PendingReviewAsync(PortalDbContext db, CancellationToken ct) =>
        await (from g in db.ServiceGuides.AsNoTracking()
               join d in db.Departments on g.DepartmentId equals d.Id
               where g.State == GuideState.Submitted
               orderby g.Id
               select new PendingGuide(g.Id, g.Name, d.Name, g.RevisionOfId != null, g.UpdatedAt)).Take(100).ToListAsync(ct);
}

public sealed record PendingGuide(int Id, string Name, string DepartmentName, bool IsChange, DateTimeOffset SubmittedAt);

public sealed record ManagedGuideRow(int Id, string Name, GuideState State, bool IsChange, bool Returned);

public sealed record ManagedGuidesModel(IReadOnlyList<ManagedGuideRow> Rows);

public sealed record GuideDomainOption(int Id, string NameZh, string NameEn);

public sealed record GuideEditModel(GuideForm Form, string? ReturnReason, IReadOnlyList<GuideDomainOption> Domains, IReadOnlyDictionary<int, string> Templates)
{
    public bool IsNew => Form.Id is null;
}

public sealed record ManageGuideModel(ServiceGuide Guide, string DepartmentName, IReadOnlyDictionary<int, string> Templates, bool CanEdit, bool CanReview);
