using DisclosurePortal.Data;
using DisclosurePortal.Domain;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Notifications;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>
/// 答复: the reply type comes from the template chosen (条例 Art. 36), the letter as edited, and the files it provides
/// ("现予以提供（见附件）"), which the applicant who chose 网上获取 downloads from the tracking page.
/// </summary>
public sealed class ReplyCaseHandler(PortalDbContext db, AttachmentStorage storage, IConfiguration configuration, PersonalData personalData,
    PublicSite site, LinkGenerator links, IHttpContextAccessor http) : ICaseStep
{
    public async Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        if (ReplyTemplates.Find(s.Form.Template) is not { } template) throw new DomainException("请选择答复类型。");
        if (s.Form.Text is { Length: > 19000 }) throw new DomainException("答复书不能超过19000字。");
        s.Case.Reply(template.Type, s.Form.Text ?? "", s.On, s.Actor, s.Now, site.Identity.Remedy);
        // Written only once the Domain has accepted the reply; the rows commit with it.
        var files = await new ReplyFiles(storage, configuration).StoreAsync(s.Case.Id, s.Form.Files, s.Now, s.Actor, ct);
        db.ReplyAttachments.AddRange(files);
        // Issue 19: the applicant who gave a 通知邮箱 is told the reply is ready; the mail commits with the reply.
        if (personalData.RevealEmail(s.Case.NotifyEmail) is { } address)
            MailOutbox.Enqueue(db, address, ReplyReadySubject, ReplyReadyBody(site.Identity.Name, site.SiteName, TrackingLink(s.Case.QueryCode)), s.Now);
    }

    public const string ReplyReadySubject = "您的政府信息公开申请已答复";

    /// <summary>Nothing personal: no name, no description of the request; only the link the applicant's own code opens.</summary>
    public static string ReplyReadyBody(string government, string siteName, string trackingLink) =>
        $"""
        您好：

        您向{government}提出的政府信息公开申请已作出答复。请打开以下链接，查看答复书和所附文件：

        {trackingLink}

        如链接无法打开，请到{siteName}网站“依申请公开—查询办理进度”，输入您的查询码查看。
        本邮件由系统自动发送，请勿回复。
        """;

    private string TrackingLink(string queryCode)
    {
        var path = links.GetPathByAction(nameof(Apply.ApplyController.Track), "Apply", new Microsoft.AspNetCore.Routing.RouteValueDictionary { [Apply.TrackFormModel.CodeKey] = queryCode })!;
        return http.HttpContext is { } context ? site.Absolute(context.Request, path) : (site.BaseUrl ?? "") + path;
    }
}
