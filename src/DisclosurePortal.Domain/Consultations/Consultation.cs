namespace DisclosurePortal.Domain.Consultations;

/// <summary>What a department types to open a consultation on a draft decision.</summary>
public sealed record ConsultationDraft
{
    public required int CatalogueItemId { get; init; }
    public required int DomainId { get; init; }
    public required string Title { get; init; }
    public required string DraftBody { get; init; }
    public required string DraftingExplanation { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public string? ShortPeriodReason { get; init; }
    public bool AcceptsOnline { get; init; } = true;
    public string? Email { get; init; }
    public string? PostalAddress { get; init; }
    public IReadOnlyList<QuestionDraft> Questions { get; init; } = [];
}

/// <summary>A questionnaire question as typed: its options are ignored for the free-text question.</summary>
public sealed record QuestionDraft(string Text, QuestionKind Kind, IReadOnlyList<string> Options);

/// <summary>The 采纳情况: how many opinions were adopted, partly adopted or not adopted, each group with its reason.</summary>
public sealed record FeedbackDraft(int Adopted, string? AdoptedReason, int PartlyAdopted, string? PartlyAdoptedReason, int NotAdopted, string? NotAdoptedReason);

/// <summary>
/// 民意征集 on a draft major decision (《重大行政决策程序暂行条例》 Arts. 14–15). A department drafts it; the office
/// approves it (or sends it back) through the review queue; it is open from its start date to its end date
/// (derived from the clock, no job); after closing, the department publishes the 采纳情况.
/// </summary>
public sealed class Consultation
{
    private readonly List<ConsultationQuestion> _questions = [];
    private readonly List<ConsultationEvent> _events = [];

    private Consultation()
    {
        Title = DraftBody = DraftingExplanation = null!;
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public int CatalogueItemId { get; private set; }
    public int DomainId { get; private set; }
    public string Title { get; private set; }
    /// <summary>征求意见稿, Markdown.</summary>
    public string DraftBody { get; private set; }
    /// <summary>起草说明.</summary>
    public string DraftingExplanation { get; private set; }
    public DateOnly StartsOn { get; private set; }
    /// <summary>The last day on which opinions are taken.</summary>
    public DateOnly EndsOn { get; private set; }
    /// <summary>Why the period is shorter than 30 days (Art. 14), published with the consultation.</summary>
    public string? ShortPeriodReason { get; private set; }
    public bool AcceptsOnline { get; private set; }
    public string? Email { get; private set; }
    public string? PostalAddress { get; private set; }
    public ConsultationState State { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The published decision record this consultation led to (linked when it exists).</summary>
    public int? DecisionRecordId { get; private set; }

    public DateOnly? FeedbackPublishedOn { get; private set; }
    public int? ReceivedCount { get; private set; }
    public int? AdoptedCount { get; private set; }
    public string? AdoptedReason { get; private set; }
    public int? PartlyAdoptedCount { get; private set; }
    public string? PartlyAdoptedReason { get; private set; }
    public int? NotAdoptedCount { get; private set; }
    public string? NotAdoptedReason { get; private set; }

    /// <summary>When the writers' contact data was removed (retention); the counts stay.</summary>
    public DateTimeOffset? ContactsRemovedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ConsultationQuestion> Questions => _questions;
    public IReadOnlyList<ConsultationEvent> Events => _events;

    public int PeriodDays => ConsultationRules.PeriodDays(StartsOn, EndsOn);

    public ConsultationPhase PhaseOn(DateOnly today) => ConsultationRules.Phase(State, StartsOn, EndsOn, today);

    public static Consultation Create(int departmentId, ConsultationDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        var c = new Consultation { DepartmentId = departmentId, State = ConsultationState.Draft, CreatedAt = now, Version = 1 };
        c.Apply(draft);
        c.UpdatedAt = now;
        c.Add(ConsultationEventKind.Created, actorName, actorId, now);
        return c;
    }

    public void Edit(ConsultationDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != ConsultationState.Draft) throw new DomainException("只有草稿或退回修改的征集可以修改。");
        Apply(draft);
        Touch(now);
        Add(ConsultationEventKind.Edited, actorName, actorId, now);
    }

    /// <summary>To the office's review queue. The start date must not have passed: the period runs in public.</summary>
    public void Submit(DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != ConsultationState.Draft) throw new DomainException("只有草稿可以提交审核。");
        if (StartsOn < today) throw new DomainException("开始日期已过，请修改开始日期和截止日期后再提交审核。");
        State = ConsultationState.Submitted;
        ReturnReason = null;
        Touch(now);
        Add(ConsultationEventKind.Submitted, actorName, actorId, now);
    }

    /// <summary>The office approves: the consultation goes public on its start date (today, if that is today).</summary>
    public void Approve(DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != ConsultationState.Submitted) throw new DomainException("该征集不在审核队列中。");
        if (EndsOn < today) throw new DomainException("截止日期已过，请退回修改日期。");
        State = ConsultationState.Approved;
        ApprovedAt = now;
        Touch(now);
        Add(ConsultationEventKind.Approved, actorName, actorId, now);
    }

    public void Return(string reason, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != ConsultationState.Submitted) throw new DomainException("该征集不在审核队列中。");
        ReturnReason = Guard.Optional(reason) ?? throw new DomainException("请填写退回理由。");
        State = ConsultationState.Draft;
        Touch(now);
        Add(ConsultationEventKind.Returned, actorName, actorId, now, ReturnReason);
    }

    /// <summary>An opinion submitted online: only while open, and only when online comments are taken.</summary>
    public ConsultationComment ReceiveOnline(CommentDetails details, DateOnly today, DateTimeOffset now)
    {
        if (PhaseOn(today) != ConsultationPhase.Open) throw new DomainException("该征集不在征集期内，不能提交意见。");
        if (!AcceptsOnline) throw new DomainException("该征集不接受网上提交意见，请按页面所列方式提交。");
        CheckAnswers(details.Answers);
        Add(ConsultationEventKind.CommentReceived, "公众", null, now);
        return new ConsultationComment(Id, CommentChannel.Online, today, details, null, now);
    }

    /// <summary>
    /// An opinion received by letter, e-mail or at a meeting, entered by staff: it must have been received within the
    /// period (a letter is on time by its postmark, which staff enter as the received day).
    /// </summary>
    public ConsultationComment Enter(CommentChannel channel, DateOnly receivedOn, CommentDetails details, DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (channel == CommentChannel.Online || !Enum.IsDefined(channel)) throw new DomainException("请选择意见的收到方式。");
        if (State is not (ConsultationState.Approved)) throw new DomainException("只能为已开始征集、尚未反馈的征集录入意见。");
        if (receivedOn < StartsOn || receivedOn > EndsOn) throw new DomainException("收到日期应在征集期内。");
        if (receivedOn > today) throw new DomainException("收到日期不能晚于今天。");
        CheckAnswers(details.Answers);
        Add(ConsultationEventKind.CommentEntered, actorName, actorId, now, ConsultationNames.Describe(channel));
        return new ConsultationComment(Id, channel, receivedOn, details, actorName, now);
    }

    public void Moderate(ConsultationComment comment, ModerationState decision, string actorName, string? actorId, DateTimeOffset now)
    {
        if (comment.ConsultationId != Id) throw new DomainException("该意见不属于本征集。");
        if (State == ConsultationState.FeedbackPublished) throw new DomainException("采纳情况已发布，意见不能再改变。");
        comment.Moderate(decision, actorName, now);
        Add(ConsultationEventKind.CommentModerated, actorName, actorId, now, $"#{comment.Id} {ConsultationNames.Describe(decision)}");
    }

    /// <summary>
    /// Publishes the 采纳情况 after closing: <paramref name="accepted"/> is the count of accepted opinions; the three
    /// groups must add up to it, every non-empty group gives its reason, and no opinion may still await moderation.
    /// </summary>
    public void PublishFeedback(FeedbackDraft feedback, int accepted, int pending, DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (PhaseOn(today) != ConsultationPhase.Closed) throw new DomainException("征集期结束后、尚未反馈的征集才能发布采纳情况。");
        if (pending > 0) throw new DomainException($"还有{pending}条意见待审核，请先审核全部意见。");
        if (feedback.Adopted < 0 || feedback.PartlyAdopted < 0 || feedback.NotAdopted < 0) throw new DomainException("条数不能为负数。");
        if (feedback.Adopted + feedback.PartlyAdopted + feedback.NotAdopted != accepted)
            throw new DomainException($"采纳、部分采纳、未采纳的条数之和应等于收到的有效意见数（{accepted}条）。");
        AdoptedReason = Reason(feedback.Adopted, feedback.AdoptedReason, "采纳");
        PartlyAdoptedReason = Reason(feedback.PartlyAdopted, feedback.PartlyAdoptedReason, "部分采纳");
        NotAdoptedReason = Reason(feedback.NotAdopted, feedback.NotAdoptedReason, "未采纳");
        ReceivedCount = accepted;
        AdoptedCount = feedback.Adopted;
        PartlyAdoptedCount = feedback.PartlyAdopted;
        NotAdoptedCount = feedback.NotAdopted;
        FeedbackPublishedOn = today;
        State = ConsultationState.FeedbackPublished;
        Touch(now);
        Add(ConsultationEventKind.FeedbackPublished, actorName, actorId, now, $"收到{accepted}条，采纳{feedback.Adopted}条，部分采纳{feedback.PartlyAdopted}条，未采纳{feedback.NotAdopted}条");
    }

    /// <summary>Links the published decision record the consultation led to (or unlinks it with null).</summary>
    public void LinkDecision(int? recordId, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State is not (ConsultationState.Approved or ConsultationState.FeedbackPublished)) throw new DomainException("征集开始后才能关联决策文件。");
        DecisionRecordId = recordId;
        Touch(now);
        Add(ConsultationEventKind.DecisionLinked, actorName, actorId, now, recordId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Retention: marks the consultation's writers' contact data removed (the comments blank their own).</summary>
    public void RemoveContacts(DateOnly today, int retentionMonths, DateTimeOffset now)
    {
        if (State is not (ConsultationState.Approved or ConsultationState.FeedbackPublished) || today < ConsultationRules.ContactsRemovableOn(EndsOn, retentionMonths))
            throw new DomainException("征集结束未满保存期限，联系方式不能删除。");
        ContactsRemovedAt = now;
        Add(ConsultationEventKind.ContactsRemoved, "系统", null, now, $"保存期限{retentionMonths}个月");
    }

    private static string? Reason(int count, string? reason, string group) =>
        count == 0 ? Guard.Optional(reason)
        : Guard.Optional(reason) ?? throw new DomainException($"请说明{group}的理由。");

    private void CheckAnswers(IReadOnlyList<AnswerDraft> answers)
    {
        foreach (var group in answers.GroupBy(a => a.QuestionId))
        {
            var question = _questions.FirstOrDefault(q => q.Id == group.Key) ?? throw new DomainException("问卷题目不存在。");
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice when group.Count() > 1:
                    throw new DomainException($"“{question.Text}”只能选择一项。");
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    if (group.Any(a => a.Option is not { } o || o < 0 || o >= question.Options.Count)) throw new DomainException($"“{question.Text}”的选项无效。");
                    if (group.Select(a => a.Option).Distinct().Count() != group.Count()) throw new DomainException($"“{question.Text}”的选项重复。");
                    break;
                case QuestionKind.FreeText when group.Count() > 1 || string.IsNullOrWhiteSpace(group.Single().Text):
                    throw new DomainException($"“{question.Text}”的回答无效。");
            }
        }
    }

    private void Apply(ConsultationDraft d)
    {
        if (PeriodProblemOf(d) is { } problem) throw new DomainException(problem);
        if (!d.AcceptsOnline && Guard.Optional(d.Email) is null && Guard.Optional(d.PostalAddress) is null)
            throw new DomainException("请至少提供一种提交意见的方式：网上提交、电子邮件或信函地址。");
        ValidateQuestions(d.Questions);
        CatalogueItemId = d.CatalogueItemId;
        DomainId = d.DomainId;
        Title = Guard.Optional(d.Title) ?? throw new DomainException("请填写标题。");
        DraftBody = Guard.Optional(d.DraftBody) ?? throw new DomainException("请填写征求意见稿正文。");
        DraftingExplanation = Guard.Optional(d.DraftingExplanation) ?? throw new DomainException("请填写起草说明。");
        StartsOn = d.StartsOn;
        EndsOn = d.EndsOn;
        ShortPeriodReason = ConsultationRules.PeriodDays(d.StartsOn, d.EndsOn) < ConsultationRules.MinimumPeriodDays ? Guard.Optional(d.ShortPeriodReason) : null;
        AcceptsOnline = d.AcceptsOnline;
        Email = Guard.Optional(d.Email);
        PostalAddress = Guard.Optional(d.PostalAddress);
        _questions.Clear();
        for (var i = 0; i < d.Questions.Count; i++) _questions.Add(new ConsultationQuestion(i + 1, d.Questions[i]));
    }

    private static string? PeriodProblemOf(ConsultationDraft d) => ConsultationRules.PeriodProblem(d.StartsOn, d.EndsOn, d.ShortPeriodReason);

    /// <summary>Up to 10 choice questions of 2–10 options each, and at most one free-text question.</summary>
    public static void ValidateQuestions(IReadOnlyList<QuestionDraft> questions)
    {
        if (questions.Count(q => q.Kind == QuestionKind.FreeText) > 1) throw new DomainException("问卷最多有一道文字回答题。");
        if (questions.Count(q => q.Kind != QuestionKind.FreeText) > ConsultationRules.MaxChoiceQuestions) throw new DomainException("问卷最多有10道选择题。");
        foreach (var q in questions)
        {
            if (!Enum.IsDefined(q.Kind)) throw new DomainException("题目类型无效。");
            if (string.IsNullOrWhiteSpace(q.Text)) throw new DomainException("请填写题目。");
            if (q.Kind == QuestionKind.FreeText) continue;
            var options = q.Options.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
            if (options.Count is < ConsultationRules.MinQuestionOptions or > ConsultationRules.MaxQuestionOptions)
                throw new DomainException($"选择题“{q.Text.Trim()}”应有2至10个选项。");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Add(ConsultationEventKind kind, string actorName, string? actorId, DateTimeOffset now, string? note = null) =>
        _events.Add(new ConsultationEvent(Id, kind, now, actorName, actorId, note));
}
