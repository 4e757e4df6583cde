namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>征求意见 (条例 Art. 32).</summary>
public sealed class SendConsultationHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.SendConsultation(s.On, s.Form.Text ?? "", s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
