namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>按逾期未缴费办结.</summary>
public sealed class CloseFeeUnpaidHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        s.Case.CloseFeeUnpaid(s.Actor, s.Now, s.Today);
        return Task.CompletedTask;
    }
}
