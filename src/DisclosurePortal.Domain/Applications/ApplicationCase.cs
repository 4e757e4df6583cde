using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// 依申请公开: one application for disclosure (条例 Arts. 27–45). The state is stored; every change appends an
/// <see cref="ApplicationEvent"/>; the due date is computed on the working-day calendar and stored, recomputed
/// only when a rule says so (a supplement, a consultation, an extension).
/// </summary>
public sealed class ApplicationCase
{
    public const string Remedy = "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼。";

    private readonly List<ApplicationEvent> _events = [];

    private ApplicationCase()
    {
        QueryCode = ApplicantName = Contact = InformationDescription = string.Empty;
    }

    /// <summary>Everything that happened to the case, in order; each state change appends one (Alaveteli).</summary>
    public IReadOnlyList<ApplicationEvent> Events => _events;

    public int Id { get; private set; }

    /// <summary>查询码: the applicant follows the case with it.</summary>
    public string QueryCode { get; private set; }
    public ApplicantKind ApplicantKind { get; private set; }

    /// <summary>申请人姓名 or the organisation's name.</summary>
    public string ApplicantName { get; private set; }

    /// <summary>证件类型 of a natural person's number (条例 Art. 29: any 身份证明); null for an organisation (its 统一社会信用代码).</summary>
    public IdentityDocument? IdentityDocument { get; private set; }

    /// <summary>身份证件号码 or 统一社会信用代码 as stored: encrypted by the application (never in clear at rest).</summary>
    public string? IdentityNumber { get; private set; }

    /// <summary>A keyed hash of the number in clear (blind index): tells the same applicant without decrypting.</summary>
    public string? IdentityIndex { get; private set; }

    /// <summary>联系人 (for organisations).</summary>
    public string? ContactPerson { get; private set; }

    /// <summary>联系电话 / 电子邮箱.</summary>
    public string Contact { get; private set; }
    public string? PostalAddress { get; private set; }

    /// <summary>通知邮箱 the applicant chose to be told at (optional), as stored: encrypted by the application like the identity number.</summary>
    public string? NotifyEmail { get; private set; }

    /// <summary>所需信息的名称、文号或者便于查询的其他特征性描述 (Art. 29).</summary>
    public string InformationDescription { get; private set; }
    public ProvisionForm ProvisionForm { get; private set; }
    public DeliveryMethod DeliveryMethod { get; private set; }
    public ApplicationChannel Channel { get; private set; }
    public ApplicationState State { get; private set; }
    public int? AssignedDepartmentId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>收到申请之日 (Art. 31); null while an online or fax application waits to be confirmed.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>答复期限: stored, recomputed only when a rule says so.</summary>
    public DateOnly? DueOn { get; private set; }
    public bool Extended { get; private set; }
    public ReplyType? ReplyType { get; private set; }
    public DateOnly? RepliedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>信息处理费 (Art. 42, 国办函〔2020〕109号), in yuan.</summary>
    public decimal FeeAmount { get; private set; }

    /// <summary>件数: the items this application counts as (109号 Art. 4: 一事一申请, split to the smallest reasonable unit); 1 until the office says otherwise.</summary>
    public int ItemCount { get; private set; } = 1;

    /// <summary>发出收费通知之日; the reply period stops from it until payment (109号 Art. 7).</summary>
    public DateOnly? FeeNotifiedOn { get; private set; }

    /// <summary>缴费期限: 20 working days after the notice (109号 Art. 7); unpaid by then, the application is abandoned.</summary>
    public DateOnly? FeePaymentDeadline { get; private set; }
    public DateOnly? FeePaidOn { get; private set; }

    /// <summary>补正告知之日 (Art. 30: one notice, within 7 working days of receipt).</summary>
    public DateOnly? SupplementRequestedOn { get; private set; }

    /// <summary>The date by which the applicant is to supplement.</summary>
    public DateOnly? SupplementDeadline { get; private set; }

    /// <summary>收到补正之日: the reply period runs anew from it.</summary>
    public DateOnly? SupplementReceivedOn { get; private set; }

    /// <summary>The one extension (Art. 33), in working days; null when none.</summary>
    public int? ExtensionWorkingDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? ExtensionApprovedBy { get; private set; }

    /// <summary>The reply letter as sent, always ending with the remedy.</summary>
    public string? ReplyLetter { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public int Version { get; private set; }

    public static ApplicationCase Submit(ApplicationDetails details, string queryCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = details.Problems();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        var @case = New(details, queryCode, now);
        @case.Append(ApplicationEventKind.Submitted, now, "申请人", null, $"通过{ApplicationChannels.Describe(details.Channel)}提交申请。");
        return @case;
    }

    /// <summary>
    /// An application the office registers from paper (in person: received the day handed in; mail: the day signed
    /// for — 条例 Art. 31), so it is received at once and its reply period starts.
    /// </summary>
    public static ApplicationCase Register(ApplicationDetails details, string queryCode, DateOnly receivedOn, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Channel is not (ApplicationChannel.InPerson or ApplicationChannel.Mail))
            throw new DomainException("网上和传真申请由申请人提交，收到后由工作人员确认收到。");
        var @case = Submit(details, queryCode, now);
        if (receivedOn > today) throw new DomainException("收到申请之日不能晚于今天。");
        @case.ReceivedOn = receivedOn;
        @case.Recompute(calendar, today);
        @case.Append(ApplicationEventKind.ReceiptConfirmed, now, actor, receivedOn,
            details.Channel == ApplicationChannel.InPerson ? "当面提交，以提交之日为收到申请之日。" : "邮寄申请，以签收之日为收到申请之日。");
        return @case;
    }

    private static ApplicationCase New(ApplicationDetails details, string queryCode, DateTimeOffset now) =>
        new()
        {
            QueryCode = Guard.Required(queryCode, nameof(queryCode)),
            ApplicantKind = details.ApplicantKind,
            ApplicantName = details.ApplicantName.Trim(),
            IdentityDocument = details.ApplicantKind == ApplicantKind.NaturalPerson ? details.IdentityDocument : null,
            IdentityNumber = Guard.Optional(details.IdentityNumber),
            IdentityIndex = Guard.Optional(details.IdentityIndex),
            NotifyEmail = Guard.Optional(details.NotifyEmail),
            ContactPerson = Guard.Optional(details.ContactPerson),
            Contact = details.Contact.Trim(),
            PostalAddress = Guard.Optional(details.PostalAddress),
            InformationDescription = details.InformationDescription.Trim(),
            ProvisionForm = details.ProvisionForm,
            DeliveryMethod = details.DeliveryMethod,
            Channel = details.Channel,
            SubmittedAt = now,
            // 条例 Art. 31: online and fax applications are received only when the office confirms receipt.
            State = details.Channel is ApplicationChannel.Online or ApplicationChannel.Fax
                ? ApplicationState.AwaitingConfirmation
                : ApplicationState.InProgress,
        };

    /// <summary>The actions the state machine allows now: the office is offered exactly these.</summary>
    public IReadOnlyList<CaseAction> AllowedActions()
    {
        var allowed = Transitions.Where(t => t.From == State).Select(t => t.Action).ToHashSet();
        if (SupplementRequestedOn is not null) allowed.Remove(CaseAction.RequestSupplement); // one notice only (Art. 30)
        if (ExtensionWorkingDays is not null) allowed.Remove(CaseAction.Extend);             // one extension only (Art. 33)
        if (FeeNotifiedOn is not null) allowed.Remove(CaseAction.NotifyFee);                 // one fee notice per application
        return [.. Enum.GetValues<CaseAction>().Where(allowed.Contains)];
    }

    /// <summary>
    /// The step the law expects next, and why (issue 18: the case page leads with it; the other allowed actions stay one
    /// click away). Null when nothing is left to do. <paramref name="supplementNoticeOpen"/>: the 7 working days for a
    /// 补正 notice (Art. 30) have not run out, so asking for a supplement is still the alternative to answering.
    /// </summary>
    public NextStep? NextStep(bool supplementNoticeOpen)
    {
        var allowed = AllowedActions();
        NextStep? Step(CaseAction action, string why, CaseAction? alternative = null) =>
            allowed.Contains(action) ? new NextStep(action, why, alternative is { } a && allowed.Contains(a) ? a : null) : null;
        return State switch
        {
            ApplicationState.AwaitingConfirmation => Step(CaseAction.ConfirmReceipt, "先确认收到申请：网上和传真提交的申请，以双方确认之日为收到申请之日，答复期限从次日起算（条例第三十一条）。"),
            ApplicationState.InProgress when supplementNoticeOpen && allowed.Contains(CaseAction.RequestSupplement) =>
                Step(CaseAction.Reply, "申请内容不明确的，应在收到申请之日起7个工作日内一次性告知补正（条例第三十条）；内容明确的，在期限内答复（条例第三十三条）。", CaseAction.RequestSupplement),
            ApplicationState.InProgress => Step(CaseAction.Reply, "在答复期限内答复申请人（条例第三十三条）；需要延长的，经负责人同意，延长不超过20个工作日。"),
            ApplicationState.AwaitingSupplement => Step(CaseAction.ReceiveSupplement, "等待申请人补正：收到补正后登记，答复期限自收到补正之日起重新计算（条例第三十条）。", CaseAction.CloseUnsupplemented),
            ApplicationState.InConsultation => Step(CaseAction.ReceiveConsultation, "等待第三方意见：意见期限为收到征求意见书之日起15个工作日，所需时间不计算在答复期限内（条例第三十二条）。"),
            ApplicationState.AwaitingFee => Step(CaseAction.RecordFeePayment, "等待申请人缴纳信息处理费：缴费后继续办理，所需时间不计算在答复期限内（国办函〔2020〕109号）。", CaseAction.CloseFeeUnpaid),
            ApplicationState.Replied => Step(CaseAction.Deliver, "按申请人选择的获取方式送达答复书，并归档。"),
            _ => null,
        };
    }

    private static readonly (ApplicationState From, CaseAction Action)[] Transitions =
    [
        (ApplicationState.AwaitingConfirmation, CaseAction.ConfirmReceipt),
        (ApplicationState.InProgress, CaseAction.RequestSupplement),
        (ApplicationState.InProgress, CaseAction.SendConsultation),
        (ApplicationState.InProgress, CaseAction.Extend),
        (ApplicationState.InProgress, CaseAction.Assign),
        (ApplicationState.InProgress, CaseAction.Reply),
        (ApplicationState.AwaitingSupplement, CaseAction.ReceiveSupplement),
        (ApplicationState.AwaitingSupplement, CaseAction.CloseUnsupplemented),
        (ApplicationState.InConsultation, CaseAction.ReceiveConsultation),
        (ApplicationState.InConsultation, CaseAction.Extend),
        (ApplicationState.InConsultation, CaseAction.Assign),
        (ApplicationState.InProgress, CaseAction.NotifyFee),
        (ApplicationState.AwaitingFee, CaseAction.RecordFeePayment),
        (ApplicationState.AwaitingFee, CaseAction.CloseFeeUnpaid),
        (ApplicationState.Replied, CaseAction.Deliver),
    ];

    /// <summary>确认收到 (Art. 31: online and fax applications are received the day receipt is confirmed).</summary>
    public void ConfirmReceipt(DateOnly receivedOn, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.ConfirmReceipt);
        if (receivedOn > today) throw new DomainException("收到申请之日不能晚于今天。");
        if (receivedOn < DateOnly.FromDateTime(SubmittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime))
            throw new DomainException("收到申请之日不能早于申请提交之日。");
        ReceivedOn = receivedOn;
        State = ApplicationState.InProgress;
        Recompute(calendar, today);
        Append(ApplicationEventKind.ReceiptConfirmed, now, actor, receivedOn, "确认收到申请。");
    }

    /// <summary>补正告知 (Art. 30): once, saying what to supplement and by when; the clock stops until it arrives.</summary>
    public void RequestSupplement(DateOnly noticeOn, DateOnly supplementBy, string whatIsNeeded, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.RequestSupplement);
        var what = Guard.Optional(whatIsNeeded)?.TrimEnd('。', '；', '.', ';') ?? throw new DomainException("补正告知须写明需要补正的事项。");
        if (noticeOn < ReceivedOn || noticeOn > today) throw new DomainException("补正告知之日应在收到申请之日与今天之间。");
        if (supplementBy <= noticeOn) throw new DomainException("补正期限应晚于告知之日。");
        var noticeDue = ReplyDeadline.SupplementNoticeDue(ReceivedOn!.Value, calendar);
        SupplementRequestedOn = noticeOn;
        SupplementDeadline = supplementBy;
        State = ApplicationState.AwaitingSupplement;
        var late = noticeOn > noticeDue ? $"（告知晚于法定的{noticeDue:yyyy-MM-dd}）" : string.Empty;
        Append(ApplicationEventKind.SupplementRequested, now, actor, noticeOn, $"一次性告知补正{late}：{what}；请于{supplementBy:yyyy-MM-dd}前补正。");
    }

    /// <summary>收到补正: the 20 working days run anew from this day (Art. 30).</summary>
    public void ReceiveSupplement(DateOnly receivedOn, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.ReceiveSupplement);
        if (receivedOn < SupplementRequestedOn || receivedOn > today) throw new DomainException("收到补正之日应在补正告知之日与今天之间。");
        SupplementReceivedOn = receivedOn;
        State = ApplicationState.InProgress;
        Recompute(calendar, today);
        Append(ApplicationEventKind.SupplementReceived, now, actor, receivedOn, "收到补正材料，答复期限重新计算。");
    }

    /// <summary>申请人无正当理由逾期不补正 (Art. 30): closed as 其他处理, once the deadline to supplement has passed.</summary>
    public void CloseUnsupplemented(string actor, DateTimeOffset now, DateOnly today) =>
        CloseAsAbandoned(CaseAction.CloseUnsupplemented, SupplementDeadline, "补正期限", "逾期不补正", Applications.ReplyType.OtherNoSupplement, "申请人逾期未补正", actor, now, today);

    /// <summary>
    /// 其他处理: the applicant let a deadline pass (to supplement, Art. 30; to pay, 109号 Art. 7), so the application is
    /// treated as abandoned — possible only once that deadline is over.
    /// </summary>
    private void CloseAsAbandoned(CaseAction action, DateOnly? deadline, string deadlineName, string closingName, ReplyType type, string what, string actor, DateTimeOffset now, DateOnly today)
    {
        Require(action);
        if (today <= deadline)
            throw new DomainException($"{deadlineName}（{deadline:yyyy-MM-dd}）尚未届满，不能按{closingName}处理。");
        ReplyType = type;
        ClosedOn = today;
        State = ApplicationState.Closed;
        Append(ApplicationEventKind.Closed, now, actor, today, $"{what}，视为放弃申请，不再处理（其他处理）。");
    }

    /// <summary>征求第三方或其他机关意见 (Art. 32): the working days until the answer (at most 15) do not count.</summary>
    public void SendConsultation(DateOnly sentOn, string party, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.SendConsultation);
        var who = Guard.Optional(party) ?? throw new DomainException("请写明征求意见的对象。");
        if (sentOn < (SupplementReceivedOn ?? ReceivedOn) || sentOn > today) throw new DomainException("征求意见之日应在收到申请之日与今天之间。");
        State = ApplicationState.InConsultation;
        var sent = Append(ApplicationEventKind.ConsultationSent, now, actor, sentOn, $"征求意见：{who}");
        Recompute(calendar, today); // the pause is read from the event just appended
        sent.RecordDueOn(DueOnAsOf(sentOn, calendar));
    }

    public void ReceiveConsultation(DateOnly answeredOn, string? summary, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.ReceiveConsultation);
        var sent = _events.Last(e => e.Kind == ApplicationEventKind.ConsultationSent).EffectiveOn!.Value;
        if (answeredOn < sent || answeredOn > today) throw new DomainException("收到意见之日应在征求意见之日与今天之间。");
        State = ApplicationState.InProgress;
        var answered = Append(ApplicationEventKind.ConsultationAnswered, now, actor, answeredOn, Guard.Optional(summary) ?? "收到意见。");
        Recompute(calendar, today);
        answered.RecordDueOn(DueOnAsOf(answeredOn, calendar));
    }

    /// <summary>延期答复 (Art. 33): once, at most 20 working days from the current due date, approved and explained.</summary>
    public void Extend(int workingDays, string reason, string approvedBy, DateOnly on, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.Extend);
        if (workingDays is < 1 or > ReplyDeadline.MaxExtensionWorkingDays)
            throw new DomainException($"延长的期限应为1至{ReplyDeadline.MaxExtensionWorkingDays}个工作日（条例第三十三条）。");
        var why = Guard.Optional(reason) ?? throw new DomainException("延期须说明理由。");
        var approver = Guard.Optional(approvedBy) ?? throw new DomainException("延期须经政府信息公开工作机构负责人同意，请填写批准人。");
        if (on > DueOn) throw new DomainException($"答复期限（{DueOn:yyyy-MM-dd}）已过，不能再延期。");
        ExtensionWorkingDays = workingDays;
        ExtensionReason = why;
        ExtensionApprovedBy = approver;
        Recompute(calendar, today);
        var extended = Append(ApplicationEventKind.Extended, now, actor, on, $"经{approver}同意延期{workingDays}个工作日，理由：{why}。已告知申请人。");
        extended.RecordDueOn(DueOnAsOf(on, calendar));
    }

    /// <summary>
    /// 收费通知 (条例 Art. 42; 国办函〔2020〕109号 Art. 7): within the reply period, when the applicant's items this calendar month
    /// go beyond the free ones. The applicant pays within 20 working days; from the notice until payment the reply period
    /// stops.
    /// </summary>
    public void NotifyFee(DateOnly noticeOn, int items, int itemsEarlierThisMonth, FeeTiers tiers, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        Require(CaseAction.NotifyFee);
        if (items is < 1 or > MaxItems) throw new DomainException($"件数应为1至{MaxItems}。");
        if (itemsEarlierThisMonth < 0) throw new DomainException("本月此前申请件数无效。");
        if (noticeOn < (SupplementReceivedOn ?? ReceivedOn) || noticeOn > today) throw new DomainException("收费通知之日应在收到申请之日与今天之间。");
        if (noticeOn > DueOn) throw new DomainException($"收费通知应在答复期限（{DueOn:yyyy-MM-dd}）内发出。");
        var fee = tiers.FeeFor(itemsEarlierThisMonth, items);
        if (fee == 0)
            throw new DomainException($"该申请人本月累计申请{itemsEarlierThisMonth + items}件，未超过免费的{tiers.FreeItems}件，不收取信息处理费。");
        ItemCount = items;
        FeeAmount = fee;
        FeeNotifiedOn = noticeOn;
        FeePaymentDeadline = calendar.AddWorkingDays(noticeOn, ReplyDeadline.FeePaymentWorkingDays);
        State = ApplicationState.AwaitingFee;
        var notified = Append(ApplicationEventKind.FeeNotified, now, actor, noticeOn,
            $"本月此前已申请{itemsEarlierThisMonth}件，本申请计{items}件，应缴信息处理费{fee:0.##}元，请于{FeePaymentDeadline:yyyy-MM-dd}{(calendar.IsEstimated(noticeOn, FeePaymentDeadline.Value) ? "（暂定，当年节假日安排尚未公布）" : "")}前缴纳；逾期未缴纳的，视为放弃申请。");
        Recompute(calendar, today);
        notified.RecordDueOn(DueOnAsOf(noticeOn, calendar));
    }

    /// <summary>缴费: the reply period runs on from the day after payment.</summary>
    public void RecordFeePayment(DateOnly paidOn, string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        Require(CaseAction.RecordFeePayment);
        if (paidOn < FeeNotifiedOn || paidOn > today) throw new DomainException("缴费之日应在收费通知之日与今天之间。");
        if (paidOn > FeePaymentDeadline)
            throw new DomainException($"缴费期限（{FeePaymentDeadline:yyyy-MM-dd}）已过，申请视为放弃，请按逾期未缴费办结。");
        FeePaidOn = paidOn;
        State = ApplicationState.InProgress;
        var paid = Append(ApplicationEventKind.FeePaid, now, actor, paidOn, $"申请人已缴纳信息处理费{FeeAmount:0.##}元，答复期限相应顺延。");
        Recompute(calendar, today);
        paid.RecordDueOn(DueOnAsOf(paidOn, calendar));
    }

    /// <summary>申请人逾期未按收费通知要求缴纳费用 (109号 Art. 7): closed as 其他处理 once the payment deadline has passed.</summary>
    public void CloseFeeUnpaid(string actor, DateTimeOffset now, DateOnly today) =>
        CloseAsAbandoned(CaseAction.CloseFeeUnpaid, FeePaymentDeadline, "缴费期限", "逾期未缴费", Applications.ReplyType.OtherFeeUnpaid, "申请人逾期未缴纳信息处理费", actor, now, today);

    /// <summary>The most items one application can be split into; beyond that the number is surely a typing error.</summary>
    public const int MaxItems = 1000;

    /// <summary>分办 to the department that holds the information.</summary>
    public void Assign(int departmentId, string departmentName, string actor, DateTimeOffset now)
    {
        Require(CaseAction.Assign);
        AssignedDepartmentId = departmentId;
        Append(ApplicationEventKind.Assigned, now, actor, null, $"分办至{departmentName}。");
    }

    /// <summary>
    /// 答复: one reply type (a row of Table 三) and the letter, which always states the remedy: <paramref name="remedy"/>
    /// (the site's, naming its 行政复议机关 and court) or, without one, <see cref="Remedy"/>.
    /// </summary>
    public void Reply(ReplyType type, string letter, DateOnly on, string actor, DateTimeOffset now, string? remedy = null)
    {
        Require(CaseAction.Reply);
        // 逾期不补正 and 逾期未缴费 are closings of their own (CloseUnsupplemented, CloseFeeUnpaid), not replies.
        if (!Enum.IsDefined(type) || type is Applications.ReplyType.OtherNoSupplement or Applications.ReplyType.OtherFeeUnpaid) throw new DomainException("答复类型无效。");
        var text = Guard.Optional(letter) ?? throw new DomainException("请填写答复书内容。");
        if (on < (SupplementReceivedOn ?? ReceivedOn)) throw new DomainException("答复日期不能早于收到申请之日。");
        ReplyType = type;
        RepliedOn = on;
        ReplyLetter = text.Contains("行政复议", StringComparison.Ordinal) ? text : $"{text}\n\n{Guard.Optional(remedy) ?? Remedy}";
        State = ApplicationState.Replied;
        Append(ApplicationEventKind.Replied, now, actor, on, $"答复：{ReplyTypes.Describe(type)}。");
    }

    /// <summary>送达 and 归档.</summary>
    public void Deliver(DateOnly on, DeliveryMethod method, string actor, DateTimeOffset now)
    {
        Require(CaseAction.Deliver);
        if (on < RepliedOn) throw new DomainException("送达日期不能早于答复日期。");
        DeliveredOn = on;
        DeliveryMethod = method;
        ClosedOn = on;
        State = ApplicationState.Closed;
        Append(ApplicationEventKind.Delivered, now, actor, on, "答复书已送达，办结归档。");
    }

    /// <summary>
    /// The due date the current calendar gives, when it differs from the stored one (an administrator has corrected the
    /// holidays since the date was stored); null when nothing would change.
    /// </summary>
    public DateOnly? CorrectedDueOn(WorkingCalendar calendar, DateOnly today) =>
        ApplicationStates.IsOpen(State) && Deadline(calendar, today) is { } d && d.DueOn != DueOn ? d.DueOn : null;

    /// <summary>
    /// 节假日安排更正: an explicit action (ADR 8), never a silent change — the stored due date follows the corrected calendar
    /// and the history says from what to what.
    /// </summary>
    public void ApplyCalendarCorrection(string actor, DateTimeOffset now, WorkingCalendar calendar, DateOnly today)
    {
        var before = DueOn;
        var corrected = CorrectedDueOn(calendar, today) ?? throw new DomainException("按现行工作日历，该申请的答复期限没有变化。");
        DueOn = corrected;
        Append(ApplicationEventKind.Note, now, actor, today, $"工作日历（节假日安排）已更正，答复期限由{before:yyyy-MM-dd}调整为{corrected:yyyy-MM-dd}。");
    }

    /// <summary>
    /// Steps that presuppose the application is clear enough to handle (a third party consulted about it, a fee charged
    /// for it, the reply period extended): after one of them the 补正 notice deadline no longer matters.
    /// </summary>
    public static readonly IReadOnlyList<ApplicationEventKind> StepsPastSupplementNotice =
        [ApplicationEventKind.ConsultationSent, ApplicationEventKind.FeeNotified, ApplicationEventKind.Extended];

    /// <summary>
    /// 补正告知期限 (条例 Art. 30: one notice within 7 working days of receipt), while it still matters: from receipt until
    /// the notice is sent, or the case is past that point (replied, closed, or one of <see cref="StepsPastSupplementNotice"/>).
    /// Null otherwise.
    /// </summary>
    public DateOnly? SupplementNoticeDue(WorkingCalendar calendar) =>
        ReceivedOn is { } received && SupplementRequestedOn is null && State == ApplicationState.InProgress
        && !_events.Any(e => StepsPastSupplementNotice.Contains(e.Kind))
            ? ReplyDeadline.SupplementNoticeDue(received, calendar)
            : null;

    /// <summary>The due date and how it was computed, or null before the application is received.</summary>
    public DeadlineExplanation? Deadline(WorkingCalendar calendar, DateOnly today) =>
        ReceivedOn is null ? null : ReplyDeadline.Compute(Facts(), calendar, today);

    private DeadlineFacts Facts()
    {
        var consultations = new List<Consultation>();
        foreach (var e in _events.Where(e => e.Kind is ApplicationEventKind.ConsultationSent or ApplicationEventKind.ConsultationAnswered))
        {
            if (e.Kind == ApplicationEventKind.ConsultationSent) consultations.Add(new Consultation(e.EffectiveOn!.Value, null));
            else consultations[^1] = consultations[^1] with { AnsweredOn = e.EffectiveOn };
        }
        return new DeadlineFacts
        {
            ReceivedOn = ReceivedOn!.Value,
            SupplementReceivedOn = SupplementReceivedOn,
            AwaitedSupplement = SupplementRequestedOn is { } noticeOn && SupplementReceivedOn is null
                ? new AwaitedSupplement(noticeOn, SupplementDeadline!.Value) : null,
            Consultations = consultations,
            Fee = FeeNotifiedOn is { } notified ? new FeeNotice(notified, FeePaymentDeadline!.Value, FeePaidOn) : null,
            ExtensionWorkingDays = ExtensionWorkingDays ?? 0,
        };
    }

    /// <summary>
    /// The due date as it stood on the day of the step just recorded: the facts known up to that step, "today" being
    /// that day — so a step recorded after the fact (a consultation sent last week) shows the date it gave then, not
    /// one that already counts the days paused since.
    /// </summary>
    private DateOnly? DueOnAsOf(DateOnly stepOn, WorkingCalendar calendar) => Deadline(calendar, stepOn)?.DueOn;

    /// <summary>The due date is stored and recomputed only when a rule says so: receipt, supplement, consultation, fee notice, extension.</summary>
    private void Recompute(WorkingCalendar calendar, DateOnly today) => DueOn = Deadline(calendar, today)?.DueOn;

    private void Require(CaseAction action)
    {
        if (!AllowedActions().Contains(action))
            throw new DomainException($"申请当前状态为“{ApplicationStates.Describe(State)}”，不能{CaseActions.Describe(action)}。");
    }

    private ApplicationEvent Append(ApplicationEventKind kind, DateTimeOffset now, string actor, DateOnly? effectiveOn, string note)
    {
        var e = new ApplicationEvent(Id, kind, now, actor, effectiveOn, note, DueOn);
        _events.Add(e);
        Version++;
        return e;
    }
}

/// <summary>What an applicant fills in (条例 Art. 29).</summary>
public sealed record ApplicationDetails
{
    public ApplicantKind ApplicantKind { get; init; }
    public required string ApplicantName { get; init; }
    /// <summary>A natural person's 证件类型 (ignored for an organisation).</summary>
    public IdentityDocument IdentityDocument { get; init; } = IdentityDocument.ResidentId;
    /// <summary>The number as it is to be stored (the web layer encrypts it: PersonalData).</summary>
    public string? IdentityNumber { get; init; }
    public string? IdentityIndex { get; init; }
    public string? ContactPerson { get; init; }
    public required string Contact { get; init; }
    public string? PostalAddress { get; init; }
    /// <summary>The e-mail address to tell when the reply is ready, as it is to be stored (the web layer encrypts it).</summary>
    public string? NotifyEmail { get; init; }
    public required string InformationDescription { get; init; }
    public ProvisionForm ProvisionForm { get; init; } = ProvisionForm.Electronic;
    public DeliveryMethod DeliveryMethod { get; init; } = DeliveryMethod.Online;
    public ApplicationChannel Channel { get; init; } = ApplicationChannel.Online;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (!Enum.IsDefined(ApplicantKind)) p.Add("请选择申请人类型。");
        if (ApplicantKind == ApplicantKind.NaturalPerson && !Enum.IsDefined(IdentityDocument)) p.Add("请选择证件类型。");
        if (string.IsNullOrWhiteSpace(ApplicantName)) p.Add("申请人姓名或名称不能为空。");
        if (string.IsNullOrWhiteSpace(Contact)) p.Add("联系方式不能为空。");
        if (string.IsNullOrWhiteSpace(InformationDescription)) p.Add("请描述所需政府信息。");
        if (!Enum.IsDefined(ProvisionForm)) p.Add("获取信息的形式无效。");
        if (!Enum.IsDefined(DeliveryMethod)) p.Add("获取信息的方式无效。");
        if (!Enum.IsDefined(Channel)) p.Add("申请渠道无效。");
        return p;
    }
}

/// <summary>The step the law expects next on a case, why, and the one alternative the law offers at that point (if any).</summary>
public sealed record NextStep(CaseAction Action, string Why, CaseAction? Alternative);
