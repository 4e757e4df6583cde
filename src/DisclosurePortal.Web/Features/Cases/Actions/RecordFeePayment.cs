namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>登记缴费: the reply period runs again.</summary>
public sealed class RecordFeePaymentHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.RecordFeePayment(s.On, s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
