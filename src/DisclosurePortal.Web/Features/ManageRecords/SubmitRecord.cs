using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>提交审核 of the draft as it was when the page was opened (its concurrency <c>version</c>), with a 解读方案 for a policy.</summary>
public sealed record SubmitRecord(int Id, int Version, InterpretationPlanForm? Plan = null)
{
    /// <summary>The names the record page's submit form posts (the action binds them by these names).</summary>
    public static class Fields
    {
        public const string Version = "version";
        public const string Plan = "Plan";
    }
}

/// <summary>
/// 解读方案 as the submit form of a 规章 or 行政规范性文件 posts it (三同步, issue 21 §6): when it is left empty, the
/// interpretation must be in review already. Fields are text so that a bad value is kept and explained, not lost.
/// </summary>
public sealed class InterpretationPlanForm
{
    public string? Form { get; set; }
    public string? ResponsibleDepartmentId { get; set; }
    public string? WorkingDays { get; set; }
    public string? Note { get; set; }

    /// <summary>No plan given: no 解读形式 chosen and nothing noted (the unit and time limit lists always post a value).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Form) && string.IsNullOrWhiteSpace(Note);

    public static InterpretationPlanForm From(InterpretationPlan plan) => new()
    {
        Form = ((int)plan.Form).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ResponsibleDepartmentId = plan.ResponsibleDepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        WorkingDays = plan.WorkingDaysAfterPublication.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Note = plan.Note,
    };
}

/// <summary>
/// 提交审核. On the first submission the record gets its 索引号: the next serial of the department's organisation
/// code in the current year, taken atomically (<see cref="IndexNumberSerials"/>), so simultaneous submissions queue
/// on the counter instead of racing. A submission that still conflicts (the draft changed under it) is retried on
/// fresh data a few times, then refused with a 409 and the draft unchanged — never a 500. Answers the index number.
/// </summary>
public sealed class SubmitRecordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ILogger<SubmitRecordHandler> logger)
{
    private const int Attempts = 5;

    /// <summary>The 解读方案 (or the lack of one) did not do: the page is drawn again with the messages in the model state.</summary>
    public static readonly Refusal Invalid = new(ThreeSync.Refusal);

    public async Task<Outcome<string>> HandleAsync(SubmitRecord command, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await Outcome.Try(() => AttemptAsync(command, modelState, user, ct));
                return ReferenceEquals(outcome.Refusal, Invalid) ? outcome : outcome.RefusedAsConflict(); // a form to fix is a 400
            }
            catch (DbUpdateException ex) when (attempt >= Attempts)
            {
                // Nothing was saved (the transaction rolled back); the draft is as the editor left it.
                logger.LogWarning(ex, "Submission of record {RecordId} failed {Attempts} times", command.Id, attempt);
                return Refusal.Conflict("提交时与其他操作冲突，未能提交，草稿没有变化。请稍后再提交一次。");
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Submission of record {RecordId} conflicted with another change; retrying ({Attempt})", command.Id, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<string>> AttemptAsync(SubmitRecord command, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        var (record, latest) = await ManageRecordsQueries.OwnLatestAsync(db, user, command.Id, ct);
        if (record is null || latest is null) return Refusal.NotFound("没有找到该信息。");
        if (latest.Version != command.Version) return Refusal.Conflict("该信息已被他人修改，请查看最新内容后再提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (record.Kind == RecordKind.PolicyInterpretation)
            PolicyInterpretations.EnsureNamesAPolicy(await InterpretationQueries.NamedPolicyCountAsync(db, latest.Id, record.DepartmentId, ct));
        if (await ThreeSyncAsync(record, latest, command.Plan, modelState, user, now, ct) is { } refused) return refused;
        latest.Submit(now);
        if (record.IndexNumber is null)
        {
            var organisation = await db.Departments.Where(d => d.Id == record.DepartmentId).Select(d => d.OrganisationCode).SingleAsync(ct);
            var year = clock.Today().Year;
            record.AssignIndexNumber(new IndexNumber(organisation, year, await IndexNumberSerials.NextAsync(db, organisation, year, ct)));
        }
        audit.Record(user, AuditActions.RecordSubmit, record.Id, $"草稿 → 待审核（第{latest.Number}版，索引号 {record.IndexNumber}）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record.IndexNumber ?? "";
    }

    /// <summary>
    /// 三同步 (issue 21 §6): a policy that was never published goes to review with its interpretation in review (or
    /// published) or with a 解读方案 — the one posted now, or the one kept from an earlier submission. A posted plan is
    /// checked field by field (the messages go to the form) and saved with the submission.
    /// </summary>
    private async Task<Refusal?> ThreeSyncAsync(Record record, RecordVersion latest, InterpretationPlanForm? input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState,
        ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        if (!PolicyInterpretations.IsPolicy(record.Kind)) return null;
        var everPublished = await db.RecordVersions.AnyAsync(v => v.RecordId == record.Id && v.PublishedOn != null, ct);
        if (!ThreeSync.Applies(record.Kind, latest.Validity, everPublished)) return null;
        var plan = await db.InterpretationPlans.FirstOrDefaultAsync(p => p.PolicyRecordId == record.Id, ct);
        if (input is null || input.IsEmpty)
        {
            if (ThreeSync.IsKept(await InterpretationQueries.InterpretationInReviewAsync(db, record.Id, ct), hasPlan: plan is not null)) return null;
            modelState.AddModelError(SubmitRecord.Fields.Plan, ThreeSync.Refusal);
            modelState.AddModelError(SubmitRecord.Fields.Plan + "." + nameof(InterpretationPlanForm.Form), "请选择解读形式。");
            return Invalid;
        }

        var form = int.TryParse(input.Form, out var f) && Enum.IsDefined((InterpretationForm)f) ? (InterpretationForm?)f : null;
        var unit = int.TryParse(input.ResponsibleDepartmentId, out var u) && await db.Departments.AnyAsync(d => d.Id == u && d.IsActive, ct) ? u : (int?)null;
        var days = int.TryParse(input.WorkingDays, out var n) ? n : (int?)null;
        const string prefix = SubmitRecord.Fields.Plan + ".";
        if (form is null) modelState.AddModelError(prefix + nameof(InterpretationPlanForm.Form), "请选择解读形式。");
        if (unit is null) modelState.AddModelError(prefix + nameof(InterpretationPlanForm.ResponsibleDepartmentId), "请选择牵头解读单位。");
        if (days is not { } d || InterpretationPlan.Problem(InterpretationForm.Text, 1, d, null) is not null)
            modelState.AddModelError(prefix + nameof(InterpretationPlanForm.WorkingDays), $"解读须与政策文件同步发布，最迟在政策文件公开后{PolicyInterpretations.DueWorkingDays}个工作日内发布。");
        if (input.Note is { Length: > InterpretationPlan.MaxNoteLength })
            modelState.AddModelError(prefix + nameof(InterpretationPlanForm.Note), $"说明不能超过{InterpretationPlan.MaxNoteLength}个字。");
        if (!modelState.IsValid) return Invalid;

        if (plan is null) db.InterpretationPlans.Add(plan = InterpretationPlan.Create(record.Id, form!.Value, unit!.Value, days!.Value, input.Note, user.DisplayName(), now));
        else plan.Change(form!.Value, unit!.Value, days!.Value, input.Note, now);
        var unitName = await db.Departments.Where(x => x.Id == plan.ResponsibleDepartmentId).Select(x => x.Name).SingleAsync(ct);
        audit.Record(user, AuditActions.InterpretationPlanSave, record.Id,
            $"解读方案：{Labels.Of(plan.Form)}，{unitName}牵头，{InterpretationPlan.DescribeDue(plan.WorkingDaysAfterPublication)}");
        return null;
    }
}
