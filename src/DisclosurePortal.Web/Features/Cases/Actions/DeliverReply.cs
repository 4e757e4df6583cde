using DisclosurePortal.Domain;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>送达归档: how the reply reached the applicant, and when.</summary>
public sealed class DeliverReplyHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        if (s.Form.Delivery is not { } method || !Enum.IsDefined(method)) throw new DomainException("请选择送达方式。");
        s.Case.Deliver(s.On, method, s.Actor, s.Now);
        return Task.CompletedTask;
    }
}
