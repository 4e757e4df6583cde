namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>确认收到 (条例 Art. 31): the reply period starts from the date of receipt.</summary>
public sealed class ConfirmReceiptHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.ConfirmReceipt(s.On, s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
