using DisclosurePortal.Data;
using DisclosurePortal.Domain;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>
/// 答复: the reply type comes from the template chosen (条例 Art. 36), the letter as edited, and the files it provides
/// ("现予以提供（见附件）"), which the applicant who chose 网上获取 downloads from the tracking page.
/// </summary>
public sealed class ReplyCaseHandler(PortalDbContext db, AttachmentStorage storage, IConfiguration configuration) : ICaseStep
{
    public async Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        if (ReplyTemplates.Find(s.Form.Template) is not { } template) throw new DomainException("请选择答复类型。");
        if (s.Form.Text is { Length: > 19000 }) throw new DomainException("答复书不能超过19000字。");
        s.Case.Reply(template.Type, s.Form.Text ?? "", s.On, s.Actor, s.Now);
        // Written only once the Domain has accepted the reply; the rows commit with it.
        var files = await new ReplyFiles(storage, configuration).StoreAsync(s.Case.Id, s.Form.Files, s.Now, s.Actor, ct);
        db.ReplyAttachments.AddRange(files);
    }
}
