namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>延期答复 (条例 Art. 33): once, at most 20 working days, approved by the person named.</summary>
public sealed class ExtendCaseHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.Extend(s.Form.Days ?? 0, s.Form.Text ?? "", s.Form.Approver ?? "", s.On, s.Actor, s.Now, s.Calendar, s.Today);
        return Task.CompletedTask;
    }
}
