namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>按逾期不补正办结 (条例 Art. 30).</summary>
public sealed class CloseUnsupplementedHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.CloseUnsupplemented(s.Actor, s.Now, s.Today);
        return Task.CompletedTask;
    }
}
