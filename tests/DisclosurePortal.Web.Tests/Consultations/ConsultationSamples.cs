using DisclosurePortal.Data;
using DisclosurePortal.Domain.Consultations;
using Consultation = DisclosurePortal.Domain.Consultations.Consultation;

namespace DisclosurePortal.Web.Tests;

/// <summary>Consultations made through the Domain, for tests that need one in a given state.</summary>
public static class ConsultationSamples
{
    public static ConsultationDraft Draft(int itemId, int domainId, DateOnly starts, DateOnly ends, string title, IReadOnlyList<QuestionDraft>? questions = null) => new()
    {
        CatalogueItemId = itemId,
        DomainId = domainId,
        Title = title,
        DraftBody = "第一条 为规范管理，制定本办法。",
        DraftingExplanation = "起草背景和主要内容。",
        StartsOn = starts,
        EndsOn = ends,
        Email = "zqyj@example.gov.cn",
        PostalAddress = "青川县人民路1号",
        Questions = questions ?? [new("您是否赞同？", QuestionKind.SingleChoice, ["赞同", "不赞同"]), new("哪些方面需要完善？", QuestionKind.MultipleChoice, ["标准", "范围", "程序"]), new("其他意见", QuestionKind.FreeText, [])],
    };

    /// <summary>An approved consultation, open today, with one pending online comment: (consultation id, comment id).</summary>
    public static async Task<(int Id, long Comment)> OpenAsync(PortalDbContext db, int departmentId, int itemId, int domainId, DateOnly today, DateTimeOffset now, string tag)
    {
        var c = Consultation.Create(departmentId, Draft(itemId, domainId, today.AddDays(-5), today.AddDays(25), $"测试征集 {tag}"), "测试编辑", null, now);
        c.Submit(today.AddDays(-7), "测试编辑", null, now);
        c.Approve(today.AddDays(-6), "测试审核员", null, now);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        var comment = c.ReceiveOnline(new CommentDetails("测试意见", "张先生", true, null, null, null, null), today, now);
        db.ConsultationComments.Add(comment);
        await db.SaveChangesAsync();
        return (c.Id, comment.Id);
    }

    /// <summary>A draft consultation (files may be added to it).</summary>
    public static async Task<int> DraftAsync(PortalDbContext db, int departmentId, int itemId, int domainId, DateOnly today, DateTimeOffset now, string tag)
    {
        var c = Consultation.Create(departmentId, Draft(itemId, domainId, today.AddDays(3), today.AddDays(40), $"草稿征集 {tag}"), "测试编辑", null, now);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>A consultation awaiting the office's review.</summary>
    public static async Task<int> SubmittedAsync(PortalDbContext db, int departmentId, int itemId, int domainId, DateOnly today, DateTimeOffset now, string tag)
    {
        var c = Consultation.Create(departmentId, Draft(itemId, domainId, today.AddDays(3), today.AddDays(40), $"待审征集 {tag}"), "测试编辑", null, now);
        c.Submit(today, "测试编辑", null, now);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
