using System.Security.Cryptography;
using DisclosurePortal.Domain.Guides;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo 办事指南 (issue 20 §6): four published guides, three of 社会救助 (民政局) and one of 就业 (人社局), each down to its
/// 办事情形 with their own materials, one material with a sample file. Every step goes through the Domain.
/// </summary>
internal static class DemoGuides
{
    private const string Editor = "演示编辑";
    private const string Reviewer = "演示审核员";
    private const string Place = "县政务服务中心一楼社会事务窗口（或户籍所在地乡镇便民服务中心）；工作日 上午9:00—12:00，下午14:00—17:30";

    /// <summary>A one-page sample application form, as a PDF (its text is the form's title).</summary>
    private static readonly byte[] SampleForm = "%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    public static async Task SeedAsync(PortalDbContext db, string attachmentsFolder, int civilAffairs, int hrss, int housing, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var domains = await db.Domains.Where(d => d.Code == "social-assistance" || d.Code == "employment" || d.Code == "affordable-housing").ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        if (domains.Count < 3) return;
        var assistance = domains["social-assistance"];

        var dibao = Published(db, civilAffairs, new GuideDraft
        {
            DomainId = assistance,
            Name = "城乡居民最低生活保障审核确认",
            LegalBasis = "《社会救助暂行办法》第九条至第十五条\n《最低生活保障审核确认办法》（民发〔2021〕57号）",
            Conditions = "共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，持有本县户籍的城乡居民可以申请。",
            Situations =
            [
                new("本人（家庭）申请", [new("最低生活保障申请书", MaterialForm.Original, 1), new("家庭成员居民身份证、户口簿", MaterialForm.OriginalAndCopy, 1), new("家庭经济状况核对授权书", MaterialForm.Original, 1)]),
                new("委托他人代为申请", [new("最低生活保障申请书", MaterialForm.Original, 1), new("授权委托书", MaterialForm.Original, 1), new("受托人居民身份证", MaterialForm.OriginalAndCopy, 1)]),
                new("残疾人或重病患者申请（可单独施保）", [new("最低生活保障申请书", MaterialForm.Original, 1), new("残疾人证或诊断证明", MaterialForm.OriginalAndCopy, 1)]),
            ],
            Steps = [new("乡镇人民政府（街道办事处）", "受理申请，材料不全的一次性告知", "即时"), new("乡镇人民政府", "入户调查、家庭经济状况核对、民主评议", "20个工作日"),
                new("乡镇人民政府", "提出审核意见并公示", "7日"), new("县民政局", "审核确认，发放最低生活保障金", "10个工作日")],
            TimeLimit = "自受理之日起30个工作日（特殊情况可延长至45个工作日）",
            Fees = "不收费",
            PlaceAndHours = Place,
            ConsultationPhone = "0839-7202311",
            ComplaintPhone = "0839-7202300",
        }, today, now);
        Published(db, civilAffairs, new GuideDraft
        {
            DomainId = assistance,
            Name = "特困人员救助供养审核确认",
            LegalBasis = "《社会救助暂行办法》第十四条至第二十条\n《特困人员认定办法》（民发〔2021〕43号）",
            Conditions = "老年人、残疾人以及未满十六周岁的未成年人，无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或其义务人无履行能力的。",
            Situations =
            [
                new("本人申请", [new("特困人员救助供养申请书", MaterialForm.Original, 1), new("居民身份证、户口簿", MaterialForm.OriginalAndCopy, 1)]),
                new("村（居）民委员会代为申请", [new("特困人员救助供养申请书", MaterialForm.Original, 1), new("村（居）民委员会代为申请说明", MaterialForm.Original, 1)]),
            ],
            Steps = [new("乡镇人民政府", "受理申请", "即时"), new("乡镇人民政府", "调查核实并公示", "15个工作日"), new("县民政局", "审核确认", "10个工作日")],
            TimeLimit = "自受理之日起25个工作日",
            Fees = "不收费",
            PlaceAndHours = Place,
            ConsultationPhone = "0839-7202311",
            ComplaintPhone = "0839-7202300",
        }, today, now);
        Published(db, civilAffairs, new GuideDraft
        {
            DomainId = assistance,
            Name = "临时救助",
            LegalBasis = "《社会救助暂行办法》第四十七条至第五十条",
            Conditions = "因火灾、交通事故等意外事件，或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。",
            Situations =
            [
                new("急难型（先行救助）", [new("临时救助申请书", MaterialForm.Original, 1), new("居民身份证", MaterialForm.Copy, 1)]),
                new("支出型", [new("临时救助申请书", MaterialForm.Original, 1), new("居民身份证", MaterialForm.Copy, 1), new("医疗费用票据等支出证明", MaterialForm.Copy, 1)]),
            ],
            Steps = [new("乡镇人民政府", "受理申请", "即时"), new("乡镇人民政府", "审核并提出救助意见", "5个工作日"), new("县民政局", "审批并发放救助金", "5个工作日")],
            TimeLimit = "一般10个工作日；急难型先行救助后24小时内补办手续",
            Fees = "不收费",
            PlaceAndHours = Place,
            ConsultationPhone = "0839-7202311",
            ComplaintPhone = "0839-7202300",
        }, today, now);
        Published(db, hrss, new GuideDraft
        {
            DomainId = domains["employment"],
            Name = "就业困难人员认定",
            LegalBasis = "《中华人民共和国就业促进法》第五十二条\n《就业服务与就业管理规定》第三十八条",
            Conditions = "法定劳动年龄内、有劳动能力和就业愿望、处于失业状态，且属于大龄、残疾、零就业家庭成员等情形之一的人员。",
            Situations =
            [
                new("大龄失业人员（女40周岁、男50周岁以上）", [new("就业困难人员认定申请表", MaterialForm.Original, 1), new("居民身份证", MaterialForm.OriginalAndCopy, 1)]),
                new("残疾人", [new("就业困难人员认定申请表", MaterialForm.Original, 1), new("居民身份证", MaterialForm.OriginalAndCopy, 1), new("残疾人证", MaterialForm.OriginalAndCopy, 1)]),
            ],
            Steps = [new("乡镇劳动保障所", "受理申请", "即时"), new("县就业服务中心", "审核认定", "10个工作日"), new("县就业服务中心", "公示并登记", "5个工作日")],
            TimeLimit = "自受理之日起15个工作日",
            Fees = "不收费",
            PlaceAndHours = "县政务服务中心二楼人社窗口；工作日 上午9:00—12:00，下午14:00—17:30",
            ConsultationPhone = "0839-7205566",
            ComplaintPhone = "0839-12333",
        }, today, now);
        // The housing bureau's: a draft (公租房) and one awaiting the office's review (租赁补贴).
        GuideDraft Housing(string name, string situation) => new()
        {
            DomainId = domains["affordable-housing"],
            Name = name,
            LegalBasis = "《公共租赁住房管理办法》第七条至第九条",
            Conditions = "本县城镇户籍或在本县稳定就业，家庭人均收入和住房面积低于县人民政府公布的标准。",
            Situations =
            [
                new(situation, [new("公共租赁住房申请表", MaterialForm.Original, 1), new("家庭成员居民身份证、户口簿", MaterialForm.Copy, 1), new("收入证明", MaterialForm.Original, 1)]),
                new("外来务工人员申请", [new("公共租赁住房申请表", MaterialForm.Original, 1), new("劳动合同", MaterialForm.Copy, 1), new("社会保险缴费证明", MaterialForm.Original, 1)]),
            ],
            Steps = [new("社区居委会", "受理并初审", "5个工作日"), new("县住建局", "审核并公示", "15个工作日"), new("县住建局", "轮候配租", null)],
            TimeLimit = "自受理之日起20个工作日（不含公示期）",
            Fees = "不收费",
            PlaceAndHours = "县政务服务中心三楼住建窗口；工作日 上午9:00—12:00，下午14:00—17:30",
            ConsultationPhone = "0839-7203010",
            ComplaintPhone = "0839-7203011",
        };
        db.ServiceGuides.Add(ServiceGuide.Create(housing, Housing("公共租赁住房申请", "本县城镇户籍家庭申请"), Editor, null, now));
        var rent = ServiceGuide.Create(housing, Housing("住房租赁补贴申请", "本县城镇户籍家庭申请"), Editor, null, now);
        rent.Submit(Editor, null, now);
        db.ServiceGuides.Add(rent);
        await db.SaveChangesAsync(ct);

        // A sample of the 申请书, offered beside the first material of the first situation of the 低保 guide.
        var key = $"guides/{now:yyyy}/{Guid.NewGuid():N}.pdf";
        var path = Path.Combine(attachmentsFolder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, SampleForm, ct);
        var template = new GuideTemplate(dibao.Id, "最低生活保障申请书（样表）.pdf", "application/pdf", SampleForm.Length, key,
            Convert.ToHexStringLower(SHA256.HashData(SampleForm)), now, Editor);
        db.GuideTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        // Added as a change (the public guide stays as it was until the office approves it).
        var change = ServiceGuide.Revise(dibao, dibao.ToDraft(), Editor, null, now);
        change.AttachTemplate(1, 1, template.Id, now);
        change.Submit(Editor, null, now);
        change.ApproveChange(dibao, today.AddDays(-30), Reviewer, null, now);
        db.ServiceGuides.Add(change);
        await db.SaveChangesAsync(ct);
    }

    private static ServiceGuide Published(PortalDbContext db, int department, GuideDraft draft, DateOnly today, DateTimeOffset now)
    {
        var guide = ServiceGuide.Create(department, draft, Editor, null, now);
        guide.Submit(Editor, null, now);
        guide.Approve(today.AddDays(-60), Reviewer, null, now);
        db.ServiceGuides.Add(guide);
        return guide;
    }
}
