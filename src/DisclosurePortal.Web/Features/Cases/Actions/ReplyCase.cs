using DisclosurePortal.Domain;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>答复: the reply type comes from the template chosen (条例 Art. 36), the letter as edited.</summary>
public sealed class ReplyCaseHandler : ICaseStep
{
    public Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        if (ReplyTemplates.Find(s.Form.Template) is not { } template) throw new DomainException("请选择答复类型。");
        if (s.Form.Text is { Length: > 19000 }) throw new DomainException("答复书不能超过19000字。");
        s.Case.Reply(template.Type, s.Form.Text ?? "", s.On, s.Actor, s.Now);
        return Task.CompletedTask;
    }
}
