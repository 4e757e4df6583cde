using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// 规范性文件清理 (issue 20 §4) in the demo: one clean-up published ten days ago over five of the oldest policies in force
/// (one 宣布失效, one 宣布废止, the rest 继续有效; the two get their new published versions as approval gives them), and the
/// next year's clean-up still a draft. Every step goes through the Domain, as the office would.
/// </summary>
internal static class DemoPolicyCleanups
{
    private const string Drafter = "王审核（县政务公开办）";
    private const string Approver = "周审核（县政务公开办）";

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var policies = await db.PublishedVersions.Where(v => PolicyInterpretations.PolicyKinds.Contains(v.Kind) && v.Validity == Validity.Valid && v.IsLatest)
            .OrderBy(v => v.PublishedOn).ThenBy(v => v.RecordId).Take(8).ToListAsync(ct);
        if (policies.Count < 7) return;
        var candidates = policies.ToDictionary(v => v.RecordId, v => new CleanupCandidate(v.RecordId, v.Kind, v.Title, v.DocumentNumber, v.Validity));
        var publishedOn = Weekday(today.AddDays(-10));
        var at = new DateTimeOffset(publishedOn.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

        var cleanup = PolicyCleanup.Create(new CleanupDraft
        {
            Title = "关于公布行政规范性文件清理结果的通知",
            IssuingBody = "青川县人民政府办公室",
            DecidedOn = publishedOn.AddDays(-3),
            DocumentNumber = $"青政办发〔{publishedOn.Year}〕31号",
            Intro = "根据《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）和省、市有关要求，县人民政府对截至本年度现行有效的行政规范性文件进行了全面清理。\n经清理，下列文件继续有效；因上位法已修改或调整对象已消失，下列文件宣布失效或废止，自本通知公布之日起不再执行。",
            Entries =
            [
                new(policies[0].RecordId, Validity.Expired, "上位法已修改，相关规定与现行法规不一致"),
                new(policies[1].RecordId, Validity.Repealed, "调整对象已消失，文件已无保留必要"),
                new(policies[2].RecordId, Validity.Valid, null),
                new(policies[3].RecordId, Validity.Valid, null),
                new(policies[4].RecordId, Validity.Valid, "符合上位法规定，继续执行"),
            ],
        }, candidates, publishedOn, Drafter, null, at.AddDays(-3));
        cleanup.Submit(Drafter, "demo-reviewer", at.AddDays(-1));
        var changes = cleanup.Approve(candidates, new HashSet<int>(), publishedOn, Approver, "demo-reviewer2", at);
        var records = await db.Records.Where(r => changes.Select(e => e.RecordId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var next = changes.Select(e => CleanupRules.Revalidate(records[e.RecordId], policies.Single(v => v.RecordId == e.RecordId), e.NewValidity, Approver, at)).ToList();
        db.PolicyCleanups.Add(cleanup);
        await db.SaveChangesAsync(ct);
        foreach (var v in next)
        {
            v.Publish(publishedOn, at);
            db.RecordVersions.Add(v);
        }
        await db.SaveChangesAsync(ct);

        db.PolicyCleanups.Add(PolicyCleanup.Create(new CleanupDraft
        {
            Title = "关于公布专项清理结果的通知（草稿）",
            IssuingBody = "青川县司法局",
            DecidedOn = today,
            Intro = "因《中华人民共和国行政处罚法》修订，对涉及行政处罚的行政规范性文件开展专项清理。",
            Entries =
            [
                new(policies[5].RecordId, Validity.Valid, null),
                new(policies[6].RecordId, Validity.Repealed, "与修订后的行政处罚法不一致"),
            ],
        }, candidates, today, Drafter, null, new DateTimeOffset(today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero)));
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
