using DisclosurePortal.Domain;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>补正告知 (条例 Art. 30): the reply period stops until the applicant supplements.</summary>
public sealed class RequestSupplementHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.RequestSupplement(s.On, s.Form.Until ?? throw new DomainException("请填写补正期限。"), s.Form.Text ?? "", s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
