using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Domain.Ratings;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// 评议 (issue 21 §5): a few dozen citizens' ratings of demo records, answered applications and answered messages over
/// the last two months, some with comments, one held by the 敏感词 list for the office to moderate.
/// </summary>
internal static class DemoRatings
{
    private static readonly string[] Comments =
    [
        "信息很及时，附件也能正常打开。",
        "内容清楚，希望多配一些图解。",
        "文件里的联系电话打不通，请核实。",
        "标题和正文对不上，建议检查。",
        "答复很详细，谢谢。",
        "答复时间有点长，希望再快一些。",
        "有人在评论区说能帮忙办证，请核查。",
    ];

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(21);
        var start = today.AddDays(-60) < new DateOnly(today.Year, 1, 1) ? new DateOnly(today.Year, 1, 1) : today.AddDays(-60);
        var span = Math.Max(1, today.DayNumber - start.DayNumber);
        var words = new SensitiveWords(await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct));
        var records = await db.PublishedVersions.AsNoTracking().OrderBy(v => v.RecordId).Select(v => new { v.RecordId, v.DepartmentId }).Take(12).ToListAsync(ct);
        var n = 0;
        (DateOnly Day, DateTimeOffset At) When()
        {
            var day = start.AddDays(rnd.Next(span + 1));
            return (day, new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + rnd.Next(9), rnd.Next(60))), ChinaTime.Offset).ToUniversalTime());
        }
        RatingGrade Grade() => rnd.NextDouble() switch { < 0.62 => RatingGrade.Satisfied, < 0.86 => RatingGrade.FairlySatisfied, _ => RatingGrade.Dissatisfied };
        string? Comment() => rnd.NextDouble() < 0.3 ? Comments[rnd.Next(Comments.Length - 1)] : null;

        foreach (var r in records)
        {
            for (var i = 0; i < 2 + rnd.Next(2); i++)
            {
                var (day, at) = When();
                var comment = Comment();
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-rater-{n++}"))).ToLowerInvariant();
                db.Ratings.Add(Rating.OfRecord(r.RecordId, r.DepartmentId, false, Grade(), comment, words.Find(comment), hash, at, day));
            }
        }
        // The one the office has to look at: held for a 敏感词 of the starting list.
        if (records.Count > 0)
        {
            var (day, at) = When();
            var held = Comments[^1];
            db.Ratings.Add(Rating.OfRecord(records[0].RecordId, records[0].DepartmentId, false, RatingGrade.Dissatisfied, held, words.Find(held),
                Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("demo-rater-held"))).ToLowerInvariant(), at, day));
        }
        var cases = await db.ApplicationCases.AsNoTracking().Where(c => c.ReplyType != null).OrderBy(c => c.Id).Select(c => new { c.Id, c.AssignedDepartmentId }).Take(6).ToListAsync(ct);
        foreach (var c in cases)
        {
            var (day, at) = When();
            var comment = Comment();
            db.Ratings.Add(Rating.OfCase(c.Id, c.AssignedDepartmentId, answered: true, alreadyRated: false, Grade(), comment, words.Find(comment), at, day));
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.State == MessageState.Answered).OrderBy(m => m.Id).Select(m => new { m.Id, m.AssignedDepartmentId }).Take(2).ToListAsync(ct);
        foreach (var m in messages)
        {
            var (day, at) = When();
            var comment = Comment();
            db.Ratings.Add(Rating.OfMessage(m.Id, m.AssignedDepartmentId, answered: true, Grade(), comment, words.Find(comment), at, day));
        }
        await db.SaveChangesAsync(ct);
    }
}
