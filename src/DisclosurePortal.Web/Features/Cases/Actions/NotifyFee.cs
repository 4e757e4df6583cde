using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>发出收费通知 (国办函〔2020〕109号): the tier follows the items this applicant applied for in the month.</summary>
public sealed class NotifyFeeHandler(PortalDbContext db, FeeTiers feeTiers) : ICaseStep
{
    public async Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        var items = s.Form.Items ?? throw new DomainException("请填写本申请的件数。");
        s.Case.NotifyFee(s.On, items, await db.ItemsEarlierThisMonthAsync(s.Case, ct), feeTiers, s.Actor, s.Now, s.Calendar, s.Today);
    }
}
