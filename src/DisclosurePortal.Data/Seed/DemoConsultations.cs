using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo 民意征集 (issue 19), dated back from today so each state shows on a fresh run: one open with opinions and a
/// questionnaire, one closed with its 采纳情况 published, one closed whose feedback is overdue (on /office), one
/// awaiting the office's review. Every step goes through the Domain, as staff would take it.
/// </summary>
internal static class DemoConsultations
{
    private const string Editor = "演示编辑";
    private const string Reviewer = "演示审核员";

    public static async Task SeedAsync(PortalDbContext db, ConsultationContacts contacts, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var items = await (from i in db.CatalogueItems
                           join s in db.Stages on i.StageId equals s.Id
                           where s.Code == "decision" && i.Status == CatalogueItemStatus.Active
                           orderby i.Id
                           select i).ToListAsync(ct);
        if (items.Count == 0) return;
        CatalogueItem Item(int n) => items[n % items.Count];

        var open = await OpenedAsync(db, Item(0), today.AddDays(-10), today.AddDays(19), now,
            "关于《青川县城区停车收费管理办法（征求意见稿）》公开征求意见的公告",
            "## 第一章 总则\n\n**第一条** 为规范城区机动车停放服务收费行为，缓解停车难问题，根据《中华人民共和国价格法》等规定，结合本县实际，制定本办法。\n\n**第二条** 本办法适用于县城规划区内道路停车泊位和公共停车场的收费管理。\n\n## 第二章 收费标准\n\n**第三条** 道路停车泊位首30分钟免费，超过30分钟的每小时收费2元，夜间（20:00至次日8:00）每次收费不超过5元。",
            "一、起草背景：城区机动车保有量五年增长一倍，中心城区停车供需矛盾突出。\n\n二、起草依据：《中华人民共和国价格法》《四川省定价目录》。\n\n三、主要内容：明确收费范围、标准和减免情形，规范停车收费公示。",
            [new("您是否同意道路停车首30分钟免费？", QuestionKind.SingleChoice, ["同意", "不同意", "无所谓"]),
             new("您认为哪些区域应优先增加停车泊位？", QuestionKind.MultipleChoice, ["医院周边", "学校周边", "农贸市场", "老旧小区"]),
             new("您对本办法还有哪些意见和建议？", QuestionKind.FreeText, [])], ct);
        await CommentsAsync(db, contacts, open, today.AddDays(-8), now, [
            ("建议首30分钟免费延长到1小时，方便群众办事。", "王先生", true, 0, [0, 1], true),
            ("夜间收费上限5元合理，赞同。", null, true, 0, [3], true),
            ("希望医院周边增设临时停车位。", "县医院职工", true, 1, [0], false),
        ], ct);

        var done = await OpenedAsync(db, Item(1), today.AddDays(-90), today.AddDays(-50), now,
            "关于《青川县农村人居环境整治三年行动方案（征求意见稿）》公开征求意见的公告",
            "一、总体要求\n\n以农村垃圾、污水治理和村容村貌提升为主攻方向，到2027年底，全县行政村生活垃圾收运处置体系覆盖率达到100%。\n\n二、重点任务\n\n（一）推进农村生活垃圾治理。（二）梯次推进农村生活污水治理。（三）提升村容村貌。",
            "根据省委、省政府关于农村人居环境整治的部署要求，县农业农村局起草了本方案，已征求各乡镇意见。",
            [new("您所在村的生活垃圾是否做到日产日清？", QuestionKind.SingleChoice, ["是", "否", "不清楚"])], ct);
        await CommentsAsync(db, contacts, done, today.AddDays(-80), now, [
            ("建议每个村配备专职保洁员。", "青溪镇村民", true, 0, [0], true),
            ("污水治理应优先考虑人口集中的村。", null, true, 1, [1], true),
            ("方案中的时间安排过紧。", "李女士", false, 1, [1], true),
        ], ct);
        done.PublishFeedback(new FeedbackDraft(1, "增设保洁员的建议已纳入方案第二部分第（一）项。", 1, "污水治理按人口规模分批推进，已在方案中明确先后顺序。", 1, "时间安排依据省级部署确定，不宜调整。"),
            3, 0, today.AddDays(-30), Editor, null, now);
        await db.SaveChangesAsync(ct);

        await OpenedAsync(db, Item(2), today.AddDays(-110), today.AddDays(-75), now,
            "关于《青川县城市供水价格调整方案（征求意见稿）》公开征求意见的公告",
            "居民生活用水价格由每立方米2.10元调整为2.45元，非居民用水价格由每立方米3.00元调整为3.40元。",
            "本方案依据《城镇供水价格管理办法》，在成本监审基础上拟定。",
            [], ct);

        var pending = Consultation.Create(Item(3).DepartmentId, Draft(Item(3), today.AddDays(7), today.AddDays(36),
            "关于《青川县养老服务补贴实施细则（征求意见稿）》公开征求意见的公告",
            "对本县户籍年满80周岁的经济困难老年人，按月发放养老服务补贴。",
            "为落实基本养老服务清单制度，县民政局起草了本细则。", []), Editor, null, now);
        pending.Submit(today, Editor, null, now);
        db.Consultations.Add(pending);
        await db.SaveChangesAsync(ct);
    }

    private static ConsultationDraft Draft(CatalogueItem item, DateOnly starts, DateOnly ends, string title, string body, string explanation, IReadOnlyList<QuestionDraft> questions) => new()
    {
        CatalogueItemId = item.Id,
        DomainId = item.DomainId,
        Title = title,
        DraftBody = body,
        DraftingExplanation = explanation,
        StartsOn = starts,
        EndsOn = ends,
        AcceptsOnline = true,
        Email = "zqyj@qingchuan.example.gov.cn",
        PostalAddress = "四川省广元市青川县乔庄镇人民路1号（邮编628100）",
        Questions = questions,
    };

    private static async Task<Consultation> OpenedAsync(PortalDbContext db, CatalogueItem item, DateOnly starts, DateOnly ends, DateTimeOffset now,
        string title, string body, string explanation, IReadOnlyList<QuestionDraft> questions, CancellationToken ct)
    {
        var c = Consultation.Create(item.DepartmentId, Draft(item, starts, ends, title, body, explanation, questions), Editor, null, now);
        c.Submit(starts.AddDays(-3), Editor, null, now);
        c.Approve(starts.AddDays(-2), Reviewer, null, now);
        db.Consultations.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static async Task CommentsAsync(PortalDbContext db, ConsultationContacts contacts, Consultation c, DateOnly on, DateTimeOffset now,
        IReadOnlyList<(string Body, string? Name, bool Publish, int Choice, int[] Multi, bool Accept)> comments, CancellationToken ct)
    {
        var questions = c.Questions.OrderBy(q => q.Position).ToList();
        var added = new List<(ConsultationComment Comment, bool Accept)>();
        foreach (var (body, name, publish, choice, multi, accept) in comments)
        {
            var answers = new List<AnswerDraft>();
            foreach (var q in questions)
            {
                if (q.Kind == QuestionKind.SingleChoice) answers.Add(new AnswerDraft(q.Id, choice % q.Options.Count, null));
                if (q.Kind == QuestionKind.MultipleChoice) answers.AddRange(multi.Where(m => m < q.Options.Count).Select(m => new AnswerDraft(q.Id, m, null)));
            }
            var details = new CommentDetails(body, name, publish, contacts.Seal(name ?? "匿名群众"), contacts.Seal("13800000000"), null, null) { Answers = answers };
            var comment = c.ReceiveOnline(details, on, now);
            db.ConsultationComments.Add(comment);
            added.Add((comment, accept));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (comment, accept) in added.Where(a => a.Accept)) c.Moderate(comment, ModerationState.Accepted, Editor, null, now);
        await db.SaveChangesAsync(ct);
    }
}
