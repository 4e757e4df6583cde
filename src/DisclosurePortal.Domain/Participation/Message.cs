using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Participation;

/// <summary>What a writer typed; the contact data arrives already encrypted (the Web's PersonalData).</summary>
public sealed record MessageDetails
{
    public required MessageKind Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public int? DomainId { get; init; }

    /// <summary>The department written to; null for the county government.</summary>
    public int? AddressedDepartmentId { get; init; }
    public required string ProtectedName { get; init; }
    public string? ProtectedPhone { get; init; }
    public string? ProtectedEmail { get; init; }
    public bool PublicationConsent { get; init; }
}

/// <summary>
/// 网民留言 (网上信箱): a citizen writes to the county or a department, the office triages it (accepts and assigns it to a
/// department, or declines it with a reason the writer sees), the department drafts the reply and the office approves
/// it. Due dates are stored when they are set (working days, <see cref="MessageDeadlines"/>); overdue is derived. Every
/// step appends a <see cref="MessageEvent"/>. A message is public only when the writer agreed and the office chose to.
/// </summary>
public sealed class Message
{
    public const int MaxSubjectLength = 100;
    public const int MaxBodyLength = 3000;
    public const int MaxReplyLength = 5000;
    public const int MaxReasonLength = 500;
    public const string Writer = "留言人";

    private readonly List<MessageEvent> _events = [];

    private Message() => (QueryCode, Subject, Body, ContactName) = ("", "", "", "");

    public int Id { get; private set; }
    public string QueryCode { get; private set; }
    public MessageKind Kind { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public int? DomainId { get; private set; }
    public int? AddressedDepartmentId { get; private set; }

    /// <summary>Encrypted contact data (PersonalData); blank after the retention period of a closed message.</summary>
    public string ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public DateTimeOffset? ContactRemovedAt { get; private set; }

    public bool PublicationConsent { get; private set; }
    public bool Published { get; private set; }
    public MessageState State { get; private set; }

    /// <summary>The 敏感词 found when it was written (for the moderator), comma-separated.</summary>
    public string? HeldFor { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateOnly WrittenOn { get; private set; }
    public DateOnly AcceptDueOn { get; private set; }
    public int? AssignedDepartmentId { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? ReplyDueOn { get; private set; }
    public int ExtensionWorkingDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }
    public string? DeclineNote { get; private set; }
    public string? Reply { get; private set; }
    public string? ReplyDraftedBy { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The day the department was reminded that the reply is due soon; cleared by an extension (a new due date).</summary>
    public DateOnly? DueSoonRemindedOn { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<MessageEvent> Events => _events;

    /// <summary>A message as written: held for moderation when <paramref name="sensitiveWordsFound"/> is not empty.</summary>
    public static Message Write(MessageDetails details, string queryCode, DateTimeOffset now, DateOnly today,
        IReadOnlyList<string> sensitiveWordsFound, MessageDeadlines deadlines, WorkingCalendar calendar)
    {
        if (!Enum.IsDefined(details.Kind)) throw new DomainException("请选择留言类型。");
        if (string.IsNullOrEmpty(details.ProtectedPhone) && string.IsNullOrEmpty(details.ProtectedEmail))
            throw new DomainException("请至少填写联系电话或电子邮箱中的一项。");
        var held = sensitiveWordsFound.Count > 0;
        var m = new Message
        {
            QueryCode = Guard.Required(queryCode, nameof(queryCode)),
            Kind = details.Kind,
            Subject = Limit(Guard.Required(details.Subject, "主题"), MaxSubjectLength, "主题不能超过100个字。"),
            Body = Limit(Guard.Required(details.Body, "内容"), MaxBodyLength, "留言内容不能超过3000字。"),
            DomainId = details.DomainId,
            AddressedDepartmentId = details.AddressedDepartmentId,
            ContactName = Guard.Required(details.ProtectedName, "姓名"),
            ContactPhone = Guard.Optional(details.ProtectedPhone),
            ContactEmail = Guard.Optional(details.ProtectedEmail),
            PublicationConsent = details.PublicationConsent,
            State = held ? MessageState.HeldForModeration : MessageState.Submitted,
            HeldFor = held ? string.Join("，", sensitiveWordsFound) : null,
            SubmittedAt = now,
            WrittenOn = today,
            AcceptDueOn = deadlines.AcceptDue(today, calendar),
        };
        m._events.Add(new MessageEvent(held ? MessageEventKind.Held : MessageEventKind.Submitted, now, Writer));
        return m;
    }

    /// <summary>内容审核通过: a held message joins the triage queue; its acceptance deadline is unchanged.</summary>
    public void Release(string actor, DateTimeOffset now)
    {
        Require(MessageState.HeldForModeration, "只有待审核内容的留言可以审核通过。");
        State = MessageState.Submitted;
        Record(MessageEventKind.Released, actor, now);
    }

    /// <summary>受理并转办 to <paramref name="departmentId"/>: the reply period starts the next working day.</summary>
    public void Accept(string actor, int departmentId, DateTimeOffset now, DateOnly today, MessageDeadlines deadlines, WorkingCalendar calendar, string departmentName)
    {
        Require(MessageState.Submitted, State == MessageState.HeldForModeration ? "请先审核留言内容，再受理。" : "该留言已处理，不能再受理。");
        AssignedDepartmentId = departmentId;
        AcceptedOn = today;
        ReplyDueOn = deadlines.ReplyDue(today, 0, calendar);
        State = MessageState.Accepted;
        Record(MessageEventKind.Accepted, actor, now, $"转 {departmentName} 办理，{Iso(ReplyDueOn.Value)} 前答复");
    }

    /// <summary>不予受理, with a reason the writer sees (held messages too: abusive content).</summary>
    public void Decline(string actor, DeclineReason reason, string? note, DateTimeOffset now, DateOnly today)
    {
        if (!MessageStates.AwaitsTriage(State)) throw new DomainException("只有待受理的留言可以不予受理。");
        if (!Enum.IsDefined(reason)) throw new DomainException("请选择不予受理的理由。");
        note = Guard.Optional(note);
        if (reason == Participation.DeclineReason.Other && note is null) throw new DomainException("选择“其他原因”的，请写明理由。");
        DeclineReason = reason;
        DeclineNote = note is null ? null : Limit(note, MaxReasonLength, "理由不能超过500字。");
        State = MessageState.Declined;
        ClosedOn = today;
        Record(MessageEventKind.Declined, actor, now, DeclineReasons.Describe(reason) + (note is null ? "" : "：" + note));
    }

    /// <summary>The assigned department drafts (or redrafts) the reply; the office approves it before the writer sees it.</summary>
    public void DraftReply(string actor, int departmentId, string reply, DateTimeOffset now)
    {
        if (!MessageStates.ReplyRuns(State)) throw new DomainException("该留言当前不能拟写答复。");
        if (AssignedDepartmentId != departmentId) throw new DomainException("该留言没有转给本部门办理。");
        Reply = Limit(Guard.Required(reply, "答复"), MaxReplyLength, "答复不能超过5000字。");
        ReplyDraftedBy = actor;
        State = MessageState.ReplyDrafted;
        Record(MessageEventKind.ReplyDrafted, actor, now);
    }

    /// <summary>The office sends the draft back to the department with what to change.</summary>
    public void ReturnReply(string actor, string note, DateTimeOffset now)
    {
        Require(MessageState.ReplyDrafted, "只有待审核的答复可以退回。");
        State = MessageState.Accepted;
        Record(MessageEventKind.ReplyReturned, actor, now, Limit(Guard.Required(note, "退回意见"), MaxReasonLength, "退回意见不能超过500字。"));
    }

    /// <summary>The office approves the reply: the writer sees it, the message is answered and closed.</summary>
    public void ApproveReply(string actor, DateTimeOffset now, DateOnly today)
    {
        Require(MessageState.ReplyDrafted, "只有待审核的答复可以审核通过。");
        State = MessageState.Answered;
        AnsweredOn = today;
        ClosedOn = today;
        Record(MessageEventKind.Answered, actor, now);
    }

    /// <summary>One extension of the reply period, of at most the configured working days, with a reason the writer sees.</summary>
    public void Extend(string actor, int workingDays, string reason, DateTimeOffset now, MessageDeadlines deadlines, WorkingCalendar calendar)
    {
        if (!MessageStates.ReplyRuns(State)) throw new DomainException("只有办理中的留言可以延期。");
        if (ExtensionWorkingDays > 0) throw new DomainException("办理期限只能延长一次。");
        if (workingDays < 1 || workingDays > deadlines.MaxExtensionWorkingDays)
            throw new DomainException($"延长的期限应为1到{deadlines.MaxExtensionWorkingDays}个工作日。");
        ExtensionReason = Limit(Guard.Required(reason, "延期理由"), MaxReasonLength, "延期理由不能超过500字。");
        ExtensionWorkingDays = workingDays;
        ReplyDueOn = deadlines.ReplyDue(AcceptedOn!.Value, workingDays, calendar);
        DueSoonRemindedOn = null;
        Record(MessageEventKind.Extended, actor, now, $"延长 {workingDays} 个工作日至 {Iso(ReplyDueOn.Value)}：{ExtensionReason}");
    }

    /// <summary>Notes that the department was reminded of the reply's due date (once per due date).</summary>
    public void RemindedOfDueDate(DateOnly today)
    {
        if (!MessageStates.ReplyRuns(State)) throw new DomainException("只有办理中的留言需要提醒。");
        DueSoonRemindedOn = today;
    }

    /// <summary>Publishes the answered message, only with the writer's consent; or takes it off the public list.</summary>
    public void SetPublished(bool published, string actor, DateTimeOffset now)
    {
        if (published == Published) return;
        if (published)
        {
            if (State != MessageState.Answered) throw new DomainException("只有已答复的留言可以公开。");
            if (!PublicationConsent) throw new DomainException("留言人不同意公开，该留言不能公开。");
        }
        Published = published;
        Record(published ? MessageEventKind.Published : MessageEventKind.Unpublished, actor, now);
    }

    /// <summary>Whether the retention period has passed: closed more than <paramref name="months"/> months before <paramref name="today"/>.</summary>
    public bool ContactDataExpired(DateOnly today, int months) =>
        ContactRemovedAt is null && ClosedOn is { } closed && closed.AddMonths(months) < today;

    /// <summary>Blanks the writer's contact data (retention); the message and its counts stay.</summary>
    public void RemoveContactData(string actor, DateTimeOffset now)
    {
        if (!MessageStates.IsClosed(State)) throw new DomainException("办理中的留言不能删除联系信息。");
        ContactName = "";
        ContactPhone = null;
        ContactEmail = null;
        ContactRemovedAt = now;
        Record(MessageEventKind.ContactDataRemoved, actor, now);
    }

    public bool IsOverdue(DateOnly today) =>
        (MessageStates.AwaitsTriage(State) && MessageDeadlines.IsOverdue(AcceptDueOn, today))
        || (MessageStates.ReplyRuns(State) && ReplyDueOn is { } due && MessageDeadlines.IsOverdue(due, today));

    /// <summary>The date that matters now: acceptance while it awaits triage, the reply while it is handled.</summary>
    public DateOnly? CurrentDueOn => MessageStates.AwaitsTriage(State) ? AcceptDueOn : MessageStates.ReplyRuns(State) ? ReplyDueOn : null;

    private void Require(MessageState state, string message)
    {
        if (State != state) throw new DomainException(message);
    }

    private void Record(MessageEventKind kind, string actor, DateTimeOffset now, string? note = null)
    {
        _events.Add(new MessageEvent(kind, now, actor, note));
        Version++;
    }

    private static string Limit(string text, int max, string message) => text.Length > max ? throw new DomainException(message) : text;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
