namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>登记收到补正: the reply period counts again from the supplement.</summary>
public sealed class ReceiveSupplementHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.ReceiveSupplement(s.On, s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
