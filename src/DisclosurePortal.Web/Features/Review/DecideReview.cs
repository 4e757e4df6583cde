using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Infrastructure.Notifications;
using DisclosurePortal.Domain.Notifications;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// A reviewer's decision on a submitted version (<see cref="ReviewForm"/>): the three reviews are recorded, then the
/// version is published (replacing the one live), returned with a comment, or marked 不予公开 with a reason. Answers the
/// decision taken; <see cref="Invalid"/> when the form has errors (in the ModelState given). Approving publishes at once,
/// so it needs <see cref="ReviewForm.ConfirmPublish"/> ticked as well.
/// </summary>
public sealed class DecideReviewHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, LinkGenerator links)
{
    /// <summary>The form has errors (they are in the ModelState): the page is drawn again with them, so this message is never shown.</summary>
    public static readonly Refusal Invalid = new("请检查审核表单。");

    public async Task<Outcome<string>> HandleAsync(int id, ReviewForm form, ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        var version = await db.RecordVersions.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return Refusal.NotFound("没有找到该版本。");
        if (version.State != VersionState.Submitted)
            return Refusal.Conflict($"该版本当前状态为“{VersionWorkflow.Describe(version.State)}”，不在审核队列中。");
        if (version.Version != form.Version) return Refusal.Conflict("该版本在您审核期间已发生变化，请重新打开后审核。");
        Validate(form, modelState);
        if (!modelState.IsValid) return Invalid;

        var now = clock.GetUtcNow();
        var decisions = form.Decisions(version.Id, user.DisplayName(), user.UserId(), now).ToList();
        db.ReviewDecisions.AddRange(decisions);
        try
        {
            return (await Outcome.Try(async () =>
            {
                await DecideAsync(version, form, decisions, user, now, ct);
                db.Entry(version).Property(v => v.Version).OriginalValue = form.Version;
                await db.SaveChangesAsync(ct);
                return (Outcome<string>)form.Decision!;
            })).RefusedAsConflict();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("该版本在您审核期间已被他人处理，请返回队列查看。");
        }
    }

    private async Task DecideAsync(RecordVersion version, ReviewForm form, List<ReviewDecision> decisions, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        switch (form.Decision)
        {
            case "approve":
                // A policy interpretation goes public only beside a published policy (it may have been withdrawn since).
                if (version.Kind == RecordKind.PolicyInterpretation)
                    PolicyInterpretations.EnsureNamesAPublishedPolicy(await InterpretationQueries.PublishedPolicyCountAsync(db, version.Id, ct));
                var previous = await db.RecordVersions.FirstOrDefaultAsync(v => v.RecordId == version.RecordId && v.IsPublished, ct);
                var earlier = await db.ReviewDecisions.Where(d => d.RecordVersionId == version.Id).ToListAsync(ct);
                // The superseded row has the lower id, so EF writes it first: the one-published index never sees two.
                version.Approve(earlier.Concat(decisions), previous, clock.Today(), now);
                audit.Record(user, AuditActions.RecordPublish, version.RecordId,
                    $"待审核 → 已发布（第{version.Number}版{(previous is null ? "" : $"，替代第{previous.Number}版")}）");
                break;
            case "return":
                version.Return(form.Comment!, now);
                audit.Record(user, AuditActions.RecordReturn, version.RecordId, $"待审核 → 退回修改（第{version.Number}版）：{form.Comment}");
                // The department's editors are told in the portal (issue 19); the note commits with the return.
                StaffNotifications.Add(db, StaffNotification.ToDepartment(version.DepartmentId, $"“{version.Title}”被退回修改（第{version.Number}版）",
                    links.GetPathByAction(nameof(ManageRecordsController.Show), "ManageRecords", new { id = version.RecordId })!, now));
                break;
            case "withhold":
                version.Withhold(form.Comment!, now);
                audit.Record(user, AuditActions.RecordWithhold, version.RecordId, $"待审核 → 不予公开（第{version.Number}版）：{form.Comment}");
                break;
        }
    }

    /// <summary>The form's rules; they depend on each other (the conclusion decides which reviews must pass), so they are checked together here.</summary>
    private static void Validate(ReviewForm form, ModelStateDictionary modelState)
    {
        if (form.Decision is not ("approve" or "return" or "withhold"))
            modelState.AddModelError(nameof(ReviewForm.Decision), "请选择审核结论。");
        foreach (var (field, outcome, comment) in form.Steps())
        {
            if (outcome is { } o && !Enum.IsDefined(o)) modelState.AddModelError(field, "审查结论无效。");
            if (outcome is ReviewOutcome.Returned or ReviewOutcome.Withheld && string.IsNullOrWhiteSpace(comment) && string.IsNullOrWhiteSpace(form.Comment))
                modelState.AddModelError(field, "未通过的审查须填写意见。");
            if (comment is { Length: > 2000 }) modelState.AddModelError(field, "意见不能超过2000字。");
        }
        if (form.Decision == "approve")
        {
            foreach (var (field, outcome, _) in form.Steps())
                if (outcome != ReviewOutcome.Passed) modelState.AddModelError(field, "发布前本项审查须为“通过”。");
            if (!form.ConfirmPublish) modelState.AddModelError(nameof(ReviewForm.ConfirmPublish), "审核通过后信息立即在网站上公开，请勾选“确认发布”。");
        }
        if (form.Decision is "return" or "withhold" && string.IsNullOrWhiteSpace(form.Comment))
            modelState.AddModelError(nameof(ReviewForm.Comment), form.Decision == "return" ? "退回须填写修改意见，编辑将看到它。" : "不予公开须说明理由。");
        if (form.Comment is { Length: > 1000 }) modelState.AddModelError(nameof(ReviewForm.Comment), "意见不能超过1000字。");
        // 不予公开的理由 is stored as RecordVersion.NonDisclosureReason (500); more would fail the save on PostgreSQL.
        else if (form.Decision == "withhold" && form.Comment is { Length: > 500 }) modelState.AddModelError(nameof(ReviewForm.Comment), "不予公开的理由不能超过500字。");
    }
}
