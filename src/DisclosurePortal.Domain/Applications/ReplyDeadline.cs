using System.Globalization;
using System.Text;
using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Applications;

/// <summary>A consultation of a third party or another agency (条例 Art. 32).</summary>
public sealed record Consultation(DateOnly SentOn, DateOnly? AnsweredOn);

/// <summary>A fee notice (国办函〔2020〕109号 Art. 7): from the notice until payment the reply period does not run.</summary>
public sealed record FeeNotice(DateOnly NotifiedOn, DateOnly PayBy, DateOnly? PaidOn);

/// <summary>A 补正 notice (Art. 30) whose supplement has not arrived: the applicant was asked to supplement by <paramref name="SupplementBy"/>.</summary>
public sealed record AwaitedSupplement(DateOnly NotifiedOn, DateOnly SupplementBy);

/// <summary>The facts a reply deadline depends on; the deadline is computed from them, never typed.</summary>
public sealed record DeadlineFacts
{
    /// <summary>收到申请之日 (Art. 31).</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>收到补正之日: the 20 working days run anew from it (Art. 30).</summary>
    public DateOnly? SupplementReceivedOn { get; init; }

    /// <summary>A 补正 notice still unanswered: no reply period runs until the supplement arrives (Art. 30).</summary>
    public AwaitedSupplement? AwaitedSupplement { get; init; }

    public IReadOnlyList<Consultation> Consultations { get; init; } = [];

    /// <summary>The fee notice, if one was sent.</summary>
    public FeeNotice? Fee { get; init; }

    /// <summary>The one extension (Art. 33), 0 when none, at most 20 working days.</summary>
    public int ExtensionWorkingDays { get; init; }
}

/// <summary>A due date with the steps that produced it, in words an applicant understands.</summary>
public sealed record DeadlineExplanation(DateOnly DueOn, IReadOnlyList<string> Steps, bool Provisional)
{
    /// <summary>
    /// While a supplement is awaited (条例 Art. 30) no reply period runs: <see cref="DueOn"/> is only the date as it stood
    /// before the notice, and the date to watch is the applicant's deadline to supplement, this one.
    /// </summary>
    public DateOnly? SupplementBy { get; init; }
}

/// <summary>The statutory deadlines of the 政府信息公开条例 (2019), on the working-day calendar.</summary>
public static class ReplyDeadline
{
    /// <summary>条例 Art. 33: reply within 20 working days of receipt.</summary>
    public const int ReplyWorkingDays = 20;

    /// <summary>条例 Art. 33: one extension of at most 20 working days.</summary>
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>条例 Art. 30: the supplementation notice within 7 working days of receipt.</summary>
    public const int SupplementNoticeWorkingDays = 7;

    /// <summary>条例 Art. 32: the third party has 15 working days to give its opinion.</summary>
    public const int ConsultationWorkingDays = 15;

    /// <summary>国办函〔2020〕109号 Art. 7: pay within 20 working days of the fee notice.</summary>
    public const int FeePaymentWorkingDays = 20;

    /// <summary>How close a due date counts as "due soon" (a derived fact, never stored).</summary>
    public const int DueSoonWorkingDays = 3;

    public static DateOnly SupplementNoticeDue(DateOnly receivedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(receivedOn, SupplementNoticeWorkingDays);

    /// <summary>
    /// 补正告知期限 (Art. 30) is to be watched within this many working days of it (the office dashboard), besides when missed.
    /// </summary>
    public const int SupplementNoticeSoonWorkingDays = 2;

    /// <summary>
    /// The first received date whose 补正 notice is due on or after <paramref name="day"/>: notice due dates never fall as
    /// the received date rises, so "due before <paramref name="day"/>" is "received before this date" (a filter SQL can run).
    /// </summary>
    public static DateOnly FirstReceiptWithNoticeDueFrom(DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var received = day;
        while (SupplementNoticeDue(received.AddDays(-1), calendar) >= day) received = received.AddDays(-1);
        return received;
    }

    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    public static bool IsDueSoon(DateOnly dueOn, DateOnly today, WorkingCalendar calendar) =>
        today <= dueOn && calendar.WorkingDaysBetween(today, dueOn) <= DueSoonWorkingDays;

    public static DeadlineExplanation Compute(DeadlineFacts facts, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        Validate(facts);
        var steps = new List<string>();
        var start = facts.SupplementReceivedOn ?? facts.ReceivedOn;
        steps.Add(facts.SupplementReceivedOn is { } supplemented
            ? $"收到申请之日为{D(facts.ReceivedOn)}；{D(supplemented)}收到补正材料，答复期限自收到补正之日重新计算（条例第三十条）。"
            : $"收到申请之日为{D(facts.ReceivedOn)}（条例第三十一条）。");

        var due = calendar.AddWorkingDays(start, ReplyWorkingDays);
        if (facts.AwaitedSupplement is { } awaited && facts.SupplementReceivedOn is null)
        {
            // 条例 Art. 30: the period runs anew from the day the supplement arrives, so none runs while it is awaited.
            steps.Add($"{D(awaited.NotifiedOn)}一次性告知申请人补正，补正期限为{D(awaited.SupplementBy)}。等待补正期间答复期限不计算，自收到补正材料之日起重新计算{ReplyWorkingDays}个工作日（条例第三十条）；申请人无正当理由逾期不补正的，视为放弃申请。");
            return new DeadlineExplanation(due, steps, Provisional: false) { SupplementBy = awaited.SupplementBy };
        }
        steps.Add($"自{D(start)}的次日起算{ReplyWorkingDays}个工作日（当日不计入），答复期限为{D(due)}（条例第三十三条）。{Skipped(start, due, calendar)}");

        var provisional = false;
        foreach (var c in facts.Consultations.OrderBy(c => c.SentOn))
        {
            var limit = calendar.AddWorkingDays(c.SentOn, ConsultationWorkingDays);
            var ongoing = c.AnsweredOn is null && today < limit;
            provisional |= ongoing;
            var end = c.AnsweredOn is { } answered ? Min(answered, limit) : Min(today, limit);
            var paused = calendar.WorkingDaysBetween(c.SentOn, end);
            var before = due;
            due = calendar.AddWorkingDays(due, paused);
            steps.Add(c.AnsweredOn switch
            {
                { } a when a <= limit =>
                    $"{D(c.SentOn)}征求第三方或其他机关意见，{D(a)}收到意见，其间{paused}个工作日不计入答复期限（条例第三十二条），答复期限由{D(before)}顺延至{D(due)}。",
                { } =>
                    $"{D(c.SentOn)}征求意见，{ConsultationWorkingDays}个工作日的意见期限于{D(limit)}届满，其间{paused}个工作日不计入答复期限，答复期限由{D(before)}顺延至{D(due)}。",
                null when ongoing =>
                    $"{D(c.SentOn)}起征求第三方或其他机关意见，尚未收到意见：截至{D(today)}已暂停{paused}个工作日，答复期限暂顺延至{D(due)}，收到意见后重新确定（意见期限最迟于{D(limit)}届满）。",
                null =>
                    $"{D(c.SentOn)}征求意见，未在{ConsultationWorkingDays}个工作日内（{D(limit)}前）收到意见，其间{paused}个工作日不计入答复期限，答复期限由{D(before)}顺延至{D(due)}。",
            });
        }

        if (facts.Fee is { } fee)
        {
            // 109号 Art. 7: 自发出收费通知之日起至申请人缴费之日止的期间，不计算在条例第三十三条规定的期限内. As for
            // consultations, the notice day itself is not counted (it is a day of the period already running).
            var unpaid = fee.PaidOn is null;
            var ongoing = unpaid && today <= fee.PayBy;
            provisional |= ongoing;
            var end = fee.PaidOn ?? Min(today, fee.PayBy);
            var paused = calendar.WorkingDaysBetween(fee.NotifiedOn, end);
            var before = due;
            due = calendar.AddWorkingDays(due, paused);
            steps.Add(fee.PaidOn switch
            {
                { } paid =>
                    $"{D(fee.NotifiedOn)}发出收费通知，申请人于{D(paid)}缴费，其间{paused}个工作日不计入答复期限（国办函〔2020〕109号），答复期限由{D(before)}顺延至{D(due)}。",
                null when ongoing =>
                    $"{D(fee.NotifiedOn)}发出收费通知，尚未缴费：截至{D(today)}已暂停{paused}个工作日，答复期限暂顺延至{D(due)}，缴费后重新确定（缴费期限为{D(fee.PayBy)}）。",
                null =>
                    $"{D(fee.NotifiedOn)}发出收费通知，申请人未在缴费期限{D(fee.PayBy)}前缴费，视为放弃申请（国办函〔2020〕109号）。",
            });
        }

        if (facts.ExtensionWorkingDays > 0)
        {
            var before = due;
            due = calendar.AddWorkingDays(due, facts.ExtensionWorkingDays);
            steps.Add($"经政府信息公开工作机构负责人同意，答复期限自{D(before)}起延长{facts.ExtensionWorkingDays}个工作日，为{D(due)}（条例第三十三条）。{Skipped(before, due, calendar)}");
        }

        var unknown = Enumerable.Range(start.Year, due.Year - start.Year + 1).Where(y => !calendar.Knows(y)).ToList();
        if (unknown.Count > 0)
        {
            // 《全国年节及纪念日放假办法》 fixes the statutory days years ahead; the yearly notice's 调休 cannot be computed.
            provisional = true;
            steps.Add($"{Years(unknown)}的节假日安排尚未录入（国务院办公厅尚未公布或尚未录入），暂按《全国年节及纪念日放假办法》规定的法定节假日计算"
                + $"（{string.Join("；", unknown.Select(y => $"{y.ToString(CultureInfo.InvariantCulture)}年：{StatutoryHolidays.Describe(y)}"))}）。"
                + "调休（调休放假和周末调休上班）要等国务院办公厅公布当年的放假安排后才能知道，无法事先推算，因此答复期限为暂定，录入后可能调整。");
        }
        return new DeadlineExplanation(due, steps, provisional);
    }

    private static void Validate(DeadlineFacts facts)
    {
        if (facts.ExtensionWorkingDays is < 0 or > MaxExtensionWorkingDays)
            throw new DomainException($"延长答复期限最长不得超过{MaxExtensionWorkingDays}个工作日（条例第三十三条）。");
        if (facts.SupplementReceivedOn < facts.ReceivedOn)
            throw new DomainException("收到补正之日不能早于收到申请之日。");
        if (facts.Fee is { } fee && (fee.NotifiedOn < facts.ReceivedOn || fee.PaidOn < fee.NotifiedOn || fee.PayBy < fee.NotifiedOn))
            throw new DomainException("收费通知、缴费期限和缴费之日的先后顺序不对。");
        foreach (var c in facts.Consultations)
        {
            if (c.SentOn < facts.ReceivedOn) throw new DomainException("征求意见之日不能早于收到申请之日。");
            if (c.AnsweredOn < c.SentOn) throw new DomainException("收到意见之日不能早于征求意见之日。");
        }
    }

    /// <summary>"其间…为节假日，不计入；…调休上班，计入。" for the days in (from, to].</summary>
    private static string Skipped(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        var holidays = new List<(DateOnly First, DateOnly Last)>();
        var worked = new List<DateOnly>();
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (calendar.IsHoliday(d))
            {
                if (holidays.Count > 0 && holidays[^1].Last == d.AddDays(-1)) holidays[^1] = (holidays[^1].First, d);
                else holidays.Add((d, d));
            }
            if (calendar.IsAdjustedWorkday(d)) worked.Add(d);
        }
        var text = new StringBuilder();
        if (holidays.Count > 0)
            text.Append("其间").AppendJoin("、", holidays.Select(h => h.First == h.Last ? D(h.First) : $"{D(h.First)}至{D(h.Last)}")).Append("为节假日，不计入");
        if (worked.Count > 0)
            text.Append(holidays.Count > 0 ? "；" : "其间").AppendJoin("、", worked.Select(w => $"{D(w)}（{Weekday(w)}）")).Append("调休上班，计入");
        if (text.Length > 0) text.Append('。');
        text.Append("周六、周日不计入。");
        return text.ToString();
    }

    private static string Years(IEnumerable<int> years) => string.Join("、", years.Select(y => y.ToString(CultureInfo.InvariantCulture) + "年"));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string D(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    private static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
        _ => "工作日",
    };
}
