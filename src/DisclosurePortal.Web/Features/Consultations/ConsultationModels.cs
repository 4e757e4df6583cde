using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>/consultations?state=open&amp;domain=…: which consultations the public list shows.</summary>
public sealed record ConsultationListFilter(PublicFilterState? State, string? Domain, int Page) : IQueryFilter<ConsultationListFilter>
{
    public static class Keys
    {
        public const string State = "state";
        public const string Domain = "domain";
    }

    public static ConsultationListFilter Read(QueryReader q) => new(
        q.Enum<PublicFilterState>(Keys.State, "征集状态应为 open（征集中）、closed（已结束）或 feedback（已反馈）。"),
        q.Text(Keys.Domain) is { } d && d.Length <= 64 ? d : null,
        q.Page());
}

/// <summary>The public list's state filter.</summary>
public enum PublicFilterState
{
    Open = 1,
    Closed = 2,
    Feedback = 3,
}

public sealed record ConsultationRow(int Id, string Title, string DepartmentName, string DomainNameZh, string DomainNameEn, DateOnly StartsOn, DateOnly EndsOn, ConsultationPhase Phase, int DaysLeft);

public sealed record DomainOption(string Code, string NameZh, string NameEn);

public sealed record ConsultationListModel(IReadOnlyList<ConsultationRow> Rows, ConsultationListFilter Filter, IReadOnlyList<DomainOption> Domains, PagerModel Pager);

public sealed record QuestionView(int Id, int Position, string Text, QuestionKind Kind, IReadOnlyList<string> Options);

public sealed record PublishedComment(long Id, string? PublicName, CommentChannel Channel, DateOnly ReceivedOn, string Body);

/// <summary>The public page of a consultation.</summary>
public sealed record ConsultationPageModel(
    int Id,
    string Title,
    string DepartmentName,
    string DomainCode,
    string DomainNameZh,
    string DomainNameEn,
    Microsoft.AspNetCore.Html.IHtmlContent DraftHtml,
    Microsoft.AspNetCore.Html.IHtmlContent ExplanationHtml,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int PeriodDays,
    string? ShortPeriodReason,
    ConsultationPhase Phase,
    int DaysLeft,
    bool AcceptsOnline,
    string? Email,
    string? PostalAddress,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<PublishedComment> Comments,
    FeedbackView? Feedback,
    DecisionLink? Decision,
    IReadOnlyList<ConsultationAttachmentView> Attachments)
{
    public bool TakesComments => Phase == ConsultationPhase.Open && AcceptsOnline;
}

public sealed record DecisionLink(int RecordId, string Title);

/// <summary>A file published with the draft (name, size), listed on the public and staff pages.</summary>
public sealed record ConsultationAttachmentView(int Id, string FileName, long SizeBytes);

/// <summary>The 采纳情况 as published, with the questionnaire's results.</summary>
public sealed record FeedbackView(DateOnly PublishedOn, int Received, int Adopted, string? AdoptedReason, int PartlyAdopted, string? PartlyAdoptedReason, int NotAdopted, string? NotAdoptedReason, IReadOnlyList<QuestionResult> Results);

/// <summary>The comment form beside the page it is on (the form is the partial's model).</summary>
public sealed record CommentFormPage(ConsultationPageModel Page, CommentForm Form);

// ---- staff ----

public sealed record ManagedConsultationRow(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, ConsultationPhase Phase, int Pending, DateOnly? FeedbackDueOn, bool FeedbackOverdue);

public sealed record ManagedConsultationsModel(IReadOnlyList<ManagedConsultationRow> Rows);

public sealed record ItemOption(int Id, string Name, string DomainNameZh);

public sealed record ConsultationEditModel(ConsultationForm Form, IReadOnlyList<ItemOption> Items, string? ReturnReason)
{
    public bool IsNew => Form.Id is null;
}

public sealed record StaffComment(long Id, CommentChannel Channel, DateOnly ReceivedOn, string Body, string? PublicName, bool MayPublish, ModerationState Moderation,
    string? Name, string? Phone, string? Email, string? Address, string? EnteredBy, string? ModeratedBy);

public sealed record EventView(DateTimeOffset OccurredAt, string ActorName, ConsultationEventKind Kind, string? Note);

/// <summary>The staff page of a consultation: the department's (own only) or the office's.</summary>
public sealed record ManageConsultationModel(
    ConsultationPageModel Page,
    ConsultationState State,
    string? ReturnReason,
    int Version,
    IReadOnlyList<StaffComment> Comments,
    int Accepted,
    int Pending,
    DateOnly? FeedbackDueOn,
    bool FeedbackOverdue,
    bool ContactsRemoved,
    IReadOnlyList<EventView> Events,
    bool CanEdit,
    bool CanReview)
{
    /// <summary>The largest file the upload form takes (Storage:MaxAttachmentBytes), for its hint.</summary>
    public long MaxAttachmentBytes { get; init; } = ManageRecords.UploadAttachmentHandler.DefaultMaxBytes;

    /// <summary>Files may be added or removed: the own department, while a draft or sent back (Art. 14).</summary>
    public bool CanChangeAttachments => CanEdit && ConsultationRules.AttachmentsEditable(State);
}

public sealed record EnterCommentModel(int ConsultationId, string Title, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<QuestionView> Questions, StaffCommentForm Form);

public sealed record FeedbackFormModel(int ConsultationId, string Title, int Accepted, int Pending, FeedbackForm Form);

/// <summary>A consultation in the office's review queue.</summary>
public sealed record PendingConsultation(int Id, string Title, string DepartmentName, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset SubmittedAt);

/// <summary>A consultation whose 采纳情况 is overdue (on /office).</summary>
public sealed record OverdueFeedback(int Id, string Title, string DepartmentName, DateOnly EndsOn, DateOnly DueOn);

/// <summary>A domain's consultations on its 决策 stage.</summary>
public sealed record DomainConsultations(IReadOnlyList<ConsultationRow> Open, IReadOnlyList<ConsultationRow> Closed);

public static class ConsultationEventNames
{
    public static string Describe(ConsultationEventKind kind) => kind switch
    {
        ConsultationEventKind.Created => "新建草稿",
        ConsultationEventKind.Edited => "修改草稿",
        ConsultationEventKind.Submitted => "提交审核",
        ConsultationEventKind.Approved => "审核通过",
        ConsultationEventKind.Returned => "退回修改",
        ConsultationEventKind.CommentReceived => "收到网上意见",
        ConsultationEventKind.CommentEntered => "录入意见",
        ConsultationEventKind.CommentModerated => "审核意见",
        ConsultationEventKind.FeedbackPublished => "发布采纳情况",
        ConsultationEventKind.DecisionLinked => "关联决策文件",
        ConsultationEventKind.ContactsRemoved => "删除到期的联系方式",
        _ => kind.ToString(),
    };
}
