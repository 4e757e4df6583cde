namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>登记收到意见: the opinion is optional.</summary>
public sealed class ReceiveConsultationHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.ReceiveConsultation(s.On, s.Form.Text, s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
