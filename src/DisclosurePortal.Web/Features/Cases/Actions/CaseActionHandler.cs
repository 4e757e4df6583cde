using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>One case action's own part: the Domain method it calls and the checks of the fields only it uses.</summary>
public interface ICaseStep
{
    Task TakeAsync(CaseStep step, CancellationToken ct);
}

/// <summary>What every case action is taken with: the case (tracked), the form, its legal date, the clock and the calendar.</summary>
public sealed record CaseStep(ApplicationCase Case, CaseActionForm Form, DateOnly On, DateOnly Today, DateTimeOffset Now, string Actor, WorkingCalendar Calendar);

/// <summary>
/// The part every case action shares: the case loaded for the change, the version the page was drawn from, the
/// form's dates, the step itself, its audit line, and the 409 when someone else changed the case meanwhile.
/// </summary>
public sealed class CaseActionHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, IServiceProvider services)
{
    public const string ChangedMeanwhile = "该申请已被他人处理，请查看最新记录后再操作。";

    /// <param name="inputProblem">What the binder found wrong with the form (a date, a control character), refused after the version check.</param>
    public async Task<Outcome<int>> HandleAsync(int id, CaseAction action, CaseActionForm form, string? inputProblem, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.ApplicationCases.Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Refusal.NotFound("没有找到该申请。");
        if (form.Version != c.Version) return Refusal.Conflict(ChangedMeanwhile);
        if (inputProblem is not null) return new Refusal(inputProblem);

        var today = clock.Today();
        // only the actions without a date (closings, 分办) get here without one
        var step = new CaseStep(c, form, form.On ?? today, today, clock.GetUtcNow(), user.DisplayName(), await CalendarLoader.LoadAsync(db, ct));
        var taken = await Outcome.Try(async () =>
        {
            await StepOf(action).TakeAsync(step, ct);
            return (Outcome<int>)c.Id;
        });
        if (!taken.Done) return taken;
        audit.Record(user, AuditActions.Case(action), c.Id, $"{CaseActions.Describe(action)}：{c.Events[^1].Note}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ChangedMeanwhile);
        }
        return c.Id;
    }

    private ICaseStep StepOf(CaseAction action) => (ICaseStep)services.GetRequiredService(action switch
    {
        CaseAction.ConfirmReceipt => typeof(ConfirmReceiptHandler),
        CaseAction.RequestSupplement => typeof(RequestSupplementHandler),
        CaseAction.ReceiveSupplement => typeof(ReceiveSupplementHandler),
        CaseAction.CloseUnsupplemented => typeof(CloseUnsupplementedHandler),
        CaseAction.SendConsultation => typeof(SendConsultationHandler),
        CaseAction.ReceiveConsultation => typeof(ReceiveConsultationHandler),
        CaseAction.Extend => typeof(ExtendCaseHandler),
        CaseAction.Assign => typeof(AssignCaseHandler),
        CaseAction.Reply => typeof(ReplyCaseHandler),
        CaseAction.Deliver => typeof(DeliverReplyHandler),
        CaseAction.NotifyFee => typeof(NotifyFeeHandler),
        CaseAction.RecordFeePayment => typeof(RecordFeePaymentHandler),
        CaseAction.CloseFeeUnpaid => typeof(CloseFeeUnpaidHandler),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    });
}
