using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>登记 a paper application: the citizen's form, how it came, and the day it was received.</summary>
public sealed record RegisterCase(Apply.ApplyForm Form, ApplicationChannel? Channel, DateOnly? ReceivedOn)
{
    /// <summary>The posted names of the two fields the office adds beside the form's own, for the action and the page.</summary>
    public static class Keys
    {
        public const string Channel = "channel";
        public const string ReceivedOn = "receivedOn";
    }

    /// <summary>The two fields the office adds, beside the form's own.</summary>
    public void CheckInto(ModelStateDictionary modelState, DateOnly today)
    {
        modelState.Remove(Keys.Channel); // the message below, not the binder's (the form's own choices: [ValidatorExplains])
        if (Channel is not (ApplicationChannel.InPerson or ApplicationChannel.Mail))
            modelState.AddModelError(Keys.Channel, "请选择当面提交或邮寄。");
        if (ReceivedOn is null) modelState.AddModelError(Keys.ReceivedOn, "请填写收到申请之日。");
        else if (ReceivedOn > today) modelState.AddModelError(Keys.ReceivedOn, "收到申请之日不能晚于今天。");
    }
}

/// <summary>
/// 条例 Art. 31: an application handed in is received that day; one sent by mail the day it is signed for. The case
/// starts with its reply period running, and the applicant is given the tracking code.
/// </summary>
public sealed class RegisterCaseHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, PersonalData personalData)
{
    /// <returns>The new case's id and its 查询码.</returns>
    public async Task<Outcome<(int Id, string Code)>> HandleAsync(RegisterCase input, ClaimsPrincipal user, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var code = QueryCodes.New();
        var channel = input.Channel!.Value;
        var receivedOn = input.ReceivedOn!.Value;
        var c = ApplicationCase.Register(input.Form.ToDetails(personalData, channel), code, receivedOn, user.DisplayName(), clock.GetUtcNow(), calendar, clock.Today());
        db.ApplicationCases.Add(c);
        // The audit line needs the new id: a second save, in the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(user, AuditActions.CaseRegister, c.Id, $"登记{(channel == ApplicationChannel.Mail ? "邮寄" : "当面提交")}的申请，收到申请之日 {receivedOn.Iso()}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (c.Id, code);
    }
}
