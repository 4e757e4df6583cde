using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Web.Infrastructure.Notifications;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>
/// 提交申请 online (the form and its validator: <see cref="ApplyForm"/>, 条例 Art. 29): the case is stored with a new
/// random 查询码, its only key for the applicant.
/// </summary>
public sealed class SubmitApplicationHandler(PortalDbContext db, TimeProvider clock, PersonalData personalData, LinkGenerator links, ILogger<SubmitApplicationHandler> logger)
{
    private const int CodeAttempts = 5;

    /// <returns>The 查询码, or why the Domain refused the application.</returns>
    public async Task<Outcome<string>> HandleAsync(ApplyForm form, CancellationToken ct)
    {
        var details = form.ToDetails(personalData);
        for (var attempt = 1; ; attempt++)
        {
            var code = QueryCodes.New();
            try
            {
                return await Outcome.Try(async () =>
                {
                    var @case = ApplicationCase.Submit(details, code, clock.GetUtcNow());
                    db.ApplicationCases.Add(@case);
                    // The office is told in the portal (issue 19), in the same transaction. The case has no id yet: the
                    // note links to the list, where a new online application waits at the top for 确认收到.
                    StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, "收到一件网上提交的政府信息公开申请，请确认收到。",
                        links.GetPathByAction(nameof(Cases.CasesController.Index), "Cases")!, @case.SubmittedAt));
                    await db.SaveChangesAsync(ct);
                    logger.LogInformation("Application {CaseId} submitted online", @case.Id);
                    return (Outcome<string>)code;
                });
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // The astronomically rare collision with an existing code (unique index): draw another.
                if (!await db.ApplicationCases.AsNoTracking().AnyAsync(c => c.QueryCode == code, ct)) throw;
                db.ChangeTracker.Clear();
            }
        }
    }
}
