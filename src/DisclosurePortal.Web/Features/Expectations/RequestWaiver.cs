using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>本期无信息, as an editor asks it: the period (its first day) and why there was nothing to publish.</summary>
public sealed class WaiverForm
{
    public string? Period { get; set; }

    [MultiLine]
    public string? Reason { get; set; }

    public DateOnly? PeriodStart => DateOnly.TryParseExact(Period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class WaiverFormValidator : AbstractValidator<WaiverForm>
{
    public WaiverFormValidator()
    {
        RuleFor(f => f.Period).Must(p => p is not null && DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("请选择所属期间。");
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请说明本期无信息的理由。")
            .Must(v => v!.Trim().Length <= PeriodWaiver.ReasonMaxLength).WithMessage("理由不能超过 500 个字。");
    }
}

/// <summary>
/// 申报本期无信息: for an owed period of a periodic item not published, a waiver waits for the office (a returned one is
/// asked again on the same row). A period already published, or not owed, is refused.
/// </summary>
public sealed class RequestWaiverHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<PeriodWaiver>> HandleAsync(CatalogueItem item, WaiverForm form, IReadOnlyList<Expectation> expectations, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReportingPeriod.IsPeriodic(item.TimeLimit.Kind)) return new Refusal("该公开事项不按期公开，不能申报本期无信息。");
        var start = form.PeriodStart!.Value;
        var owed = expectations.FirstOrDefault(e => e.Period?.Start == start);
        if (owed is null) return new Refusal("所选期间不在该事项应公开的期间内。");
        if (owed.RecordId is not null) return new Refusal("该期间已有发布的信息，无须申报本期无信息。");
        var now = clock.GetUtcNow();
        var existing = await db.PeriodWaivers.FirstOrDefaultAsync(w => w.CatalogueItemId == item.Id && w.PeriodStart == start, ct);
        return await Outcome.Try(async () =>
        {
            var waiver = existing;
            if (waiver is null)
            {
                waiver = PeriodWaiver.Request(item.Id, owed.Period!.Value, form.Reason!, user.DisplayName(), user.UserId(), now, clock.Today());
                db.PeriodWaivers.Add(waiver);
            }
            else waiver.Resubmit(form.Reason!, user.DisplayName(), user.UserId(), now);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.PeriodWaiverRequest, waiver.Id, $"{item.DisplayName} · {owed.Period!.Value.Label}：{waiver.Reason}");
            await db.SaveChangesAsync(ct);
            return (Outcome<PeriodWaiver>)waiver;
        });
    }
}

/// <summary>The office's decision on a waiver: approve (it then counts as on time) or return with a note; never the requester's own.</summary>
public sealed class DecideWaiverHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Note = "note";
    }

    public async Task<Outcome<PeriodWaiver>> ApproveAsync(int id, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        await DecideAsync(id, user, ct, (w, now) => w.Approve(note, user.DisplayName(), user.UserId(), now), AuditActions.PeriodWaiverApprove);

    public async Task<Outcome<PeriodWaiver>> ReturnAsync(int id, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        await DecideAsync(id, user, ct, (w, now) => w.Return(note!, user.DisplayName(), user.UserId(), now), AuditActions.PeriodWaiverReturn);

    private async Task<Outcome<PeriodWaiver>> DecideAsync(int id, ClaimsPrincipal user, CancellationToken ct, Action<PeriodWaiver, DateTimeOffset> decide, AuditAction action)
    {
        if (await db.PeriodWaivers.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } waiver) return Refusal.NotFound("没有找到该本期无信息申报。");
        return await Outcome.Try(async () =>
        {
            decide(waiver, clock.GetUtcNow());
            audit.Record(user, action, waiver.Id, waiver.DecisionNote ?? waiver.Reason);
            await db.SaveChangesAsync(ct);
            return (Outcome<PeriodWaiver>)waiver;
        });
    }
}
