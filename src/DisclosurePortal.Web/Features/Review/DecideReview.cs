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

/// <summary>What a recorded step did to the version.</summary>
public enum StepResult
{
    /// <summary>The step passed; the version waits for the next one.</summary>
    Passed = 1,
    /// <summary>The last step passed: the version is published.</summary>
    Published = 2,
    Returned = 3,
    Withheld = 4,
}

/// <summary>
/// One step of a submitted version's review chain (issue 21 §6, <see cref="ReviewForm"/>): the reviewer (or, for 领导审签,
/// the leader) records the step the version waits for with its own decision and comment. The version is published when
/// the last step of the county's chain passes, returned to its editor at a return, or marked 不予公开 with the reason.
/// Who may take which step is <see cref="ReviewRound.WhyNot"/>'s (refused with 403). <see cref="Invalid"/> when the form
/// has errors (in the ModelState given).
/// </summary>
public sealed class DecideReviewHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, LinkGenerator links)
{
    /// <summary>The form has errors (they are in the ModelState): the page is drawn again with them, so this message is never shown.</summary>
    public static readonly Refusal Invalid = new("请检查审查表单。");

    public async Task<Outcome<StepResult>> HandleAsync(int id, ReviewForm form, ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        var version = await db.RecordVersions.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return Refusal.NotFound("没有找到该版本。");
        if (version.State != VersionState.Submitted)
            return Refusal.Conflict($"该版本当前状态为“{VersionWorkflow.Describe(version.State)}”，不在审核队列中。");
        if (version.Version != form.Version) return Refusal.Conflict("该版本在您审查期间已发生变化，请重新打开后审查。");

        var chain = await ReviewQueries.ChainAsync(db, ct);
        var earlier = await db.ReviewDecisions.Where(d => d.RecordVersionId == version.Id).ToListAsync(ct);
        var next = ReviewRound.Next(chain, version, earlier);
        if (form.Step is not { } step || step != next)
            return Refusal.Conflict(next is { } n ? $"本稿当前等待{Reviews.Describe(n)}，请重新打开后审查。" : "本稿的审查环节均已完成。");
        if (ReviewRound.WhyNot(chain, version, earlier, step, ReviewQueries.Actor(user)) is { } why)
            return new Refusal(why, StatusCodes.Status403Forbidden);
        var isLast = ReviewRound.Missing(chain, version, earlier).Count == 1;
        Validate(form, step, isLast, modelState);
        if (!modelState.IsValid) return Invalid;

        var now = clock.GetUtcNow();
        try
        {
            return (await Outcome.Try(async () =>
            {
                var decision = ReviewRound.Decide(chain, version, earlier, step, form.Outcome!.Value, ReviewQueries.Actor(user), form.Comment, now);
                db.ReviewDecisions.Add(decision);
                var result = await ApplyAsync(chain, version, step, decision, earlier, isLast, form, user, now, ct);
                // Every step moves the version's concurrency token, so two people cannot record the same step at once.
                if (result == StepResult.Passed) version.NoteReview();
                db.Entry(version).Property(v => v.Version).OriginalValue = form.Version;
                await db.SaveChangesAsync(ct);
                return (Outcome<StepResult>)result;
            })).RefusedAsConflict();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("该版本在您审查期间已被他人处理，请返回队列查看。");
        }
    }

    private async Task<StepResult> ApplyAsync(ReviewChain chain, RecordVersion version, ReviewStep step, ReviewDecision decision, List<ReviewDecision> earlier,
        bool isLast, ReviewForm form, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var name = Reviews.Describe(step);
        switch (decision.Outcome)
        {
            case ReviewOutcome.Returned:
                audit.Record(user, AuditActions.RecordReturn, version.RecordId, $"{name}：待审核 → 退回修改（第{version.Number}版）：{form.Comment}");
                // The department's editors are told in the portal (issue 19); the note commits with the return.
                StaffNotifications.Add(db, StaffNotification.ToDepartment(version.DepartmentId, $"“{version.Title}”被退回修改（第{version.Number}版）",
                    links.GetPathByAction(nameof(ManageRecordsController.Show), "ManageRecords", new { id = version.RecordId })!, now));
                return StepResult.Returned;
            case ReviewOutcome.Withheld:
                audit.Record(user, AuditActions.RecordWithhold, version.RecordId, $"{name}：待审核 → 不予公开（第{version.Number}版）：{form.Comment}");
                return StepResult.Withheld;
        }
        if (!isLast)
        {
            audit.Record(user, AuditActions.RecordReview, version.RecordId, $"{name}：通过（第{version.Number}版）{(form.Comment is { } c ? "：" + c : "")}");
            return StepResult.Passed;
        }
        // A policy interpretation goes public only beside a published policy (it may have been withdrawn since).
        if (version.Kind == RecordKind.PolicyInterpretation)
            PolicyInterpretations.EnsureNamesAPublishedPolicy(await InterpretationQueries.PublishedPolicyCountAsync(db, version.Id, ct));
        var previous = await db.RecordVersions.FirstOrDefaultAsync(v => v.RecordId == version.RecordId && v.IsPublished, ct);
        // The superseded row has the lower id, so EF writes it first: the one-published index never sees two.
        version.Approve(chain, earlier.Append(decision), previous, clock.Today(), now);
        audit.Record(user, AuditActions.RecordPublish, version.RecordId,
            $"{name}：通过；待审核 → 已发布（第{version.Number}版{(previous is null ? "" : $"，替代第{previous.Number}版")}）");
        return StepResult.Published;
    }

    /// <summary>The form's rules; they depend on the step (which decisions it allows, whether passing publishes), so they are checked here.</summary>
    private static void Validate(ReviewForm form, ReviewStep step, bool isLast, ModelStateDictionary modelState)
    {
        if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome) || (outcome == ReviewOutcome.Withheld && !ReviewRound.MayWithhold(step)))
            modelState.AddModelError(nameof(ReviewForm.Outcome), "请选择审查结论。");
        else if (outcome != ReviewOutcome.Passed && string.IsNullOrWhiteSpace(form.Comment))
            modelState.AddModelError(nameof(ReviewForm.Comment), outcome == ReviewOutcome.Returned ? "退回须填写修改意见，编辑将看到它。" : "不予公开须说明理由。");
        else if (outcome == ReviewOutcome.Passed && isLast && !form.ConfirmPublish)
            modelState.AddModelError(nameof(ReviewForm.ConfirmPublish), "审核通过后信息立即在网站上公开，请勾选“确认发布”。");
        if (form.Comment is { Length: > 1000 }) modelState.AddModelError(nameof(ReviewForm.Comment), "意见不能超过1000字。");
        // 不予公开的理由 is stored as RecordVersion.NonDisclosureReason (500); more would fail the save on PostgreSQL.
        else if (form.Outcome == ReviewOutcome.Withheld && form.Comment is { Length: > 500 }) modelState.AddModelError(nameof(ReviewForm.Comment), "不予公开的理由不能超过500字。");
    }
}
