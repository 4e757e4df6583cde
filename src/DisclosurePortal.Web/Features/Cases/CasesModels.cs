using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Cases;

public sealed record CaseRow(int Id, string QueryCode, string ApplicantMasked, ApplicantKind Kind, string Description, ApplicationState State,
    DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? DueOn, int? WorkingDaysLeft, bool Overdue, bool DueSoon, string? Department)
{
    /// <summary>The due date counts over a year whose holiday schedule is not entered (暂定).</summary>
    public bool Provisional { get; init; }

    /// <summary>Awaiting a supplement: the applicant's deadline, shown instead of the reply date (条例 Art. 30).</summary>
    public DateOnly? SupplementBy { get; init; }

    /// <summary>The 补正 notice deadline, on the lists of notices due or missed.</summary>
    public DateOnly? NoticeDueOn { get; init; }
}

/// <summary>A computed date, and whether it counts over a year whose schedule is not entered (暂定).</summary>
public sealed record DueDate(DateOnly On, bool Provisional);

public sealed record CaseListModel(IReadOnlyList<CaseRow> Rows, PageInfo Page, string? State, int? Department, string? Month, IReadOnlyList<(int Id, string Name)> Departments)
{
    /// <summary>overdue, soon, upcoming, supplement, notice-soon or notice-missed: the office dashboard's deadline filters.</summary>
    public string? Due { get; init; }

    public DateOnly Today { get; init; }
}

public sealed record CasePageModel(ApplicationCase Case, string? DepartmentName, DeadlineExplanation? Deadline, bool Overdue, bool DueSoon,
    IReadOnlyList<CaseAction> Actions, IReadOnlyList<(int Id, string Name)> Departments, CaseActionForm Form, CaseAction? FailedAction, DateOnly Today,
    int? ItemsEarlierThisMonth, FeeTiers FeeTiers, string? IdentityNumber)
{
    /// <summary>The files sent with the reply, for the office to see and download.</summary>
    public IReadOnlyList<Apply.ReplyFileLink> ReplyFiles { get; init; } = [];

    /// <summary>补正告知期限 (条例 Art. 30), while it matters: from receipt until the notice is sent.</summary>
    public DueDate? SupplementNoticeDue { get; init; }

    public bool FeePaymentDeadlineProvisional { get; init; }

    /// <summary>The step the law expects next (issue 18): the page leads with it and its alternative, the rest one click away.</summary>
    public NextStep? Next => Case.NextStep(SupplementNoticeDue is { } due && Today <= due.On);

    /// <summary>The actions shown first: the next step and its alternative, in that order.</summary>
    public IReadOnlyList<CaseAction> LeadActions =>
        Next is { } next ? [.. new[] { next.Action, next.Alternative }.OfType<CaseAction>().Where(Actions.Contains)] : [];

    /// <summary>The history rows whose due date after the step is 暂定.</summary>
    public IReadOnlySet<long> ProvisionalSteps { get; init; } = new HashSet<long>();

    /// <summary>
    /// What the form of <paramref name="action"/> shows: the refused action's form as it was typed; any other its
    /// defaults (today's date, 20 days, the case's item count and delivery method). The reply letter is the drafted
    /// one (<see cref="CaseActionForm.Text"/> of the page's form) on every drawing.
    /// </summary>
    public CaseActionForm FormFor(CaseAction action) => action == FailedAction ? Form : new CaseActionForm
    {
        On = Today,
        Days = 20,
        Items = Case.ItemCount,
        Delivery = Case.DeliveryMethod,
        Template = Form.Template,
        Text = action == CaseAction.Reply ? Form.Text : null,
        Version = Form.Version,
    };
}

/// <summary>The fields of every action form on the case page (each form uses the ones it needs).</summary>
[RedrawnWithModelState]
public sealed class CaseActionForm
{
    /// <summary>Whether the action's form has a date (<see cref="On"/>): all but the closings and 分办.</summary>
    public static bool TakesDate(CaseAction action) => action is not (CaseAction.CloseUnsupplemented or CaseAction.CloseFeeUnpaid or CaseAction.Assign);

    /// <summary>The legal date of the action: received, notice, sent, answered, extended, replied, delivered.</summary>
    public DateOnly? On { get; set; }

    /// <summary>The applicant's deadline to supplement.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>What to supplement / the party consulted / the opinion / the extension's reason / the reply letter.</summary>
    [MultiLine]
    public string? Text { get; set; }
    public string? Approver { get; set; }
    public int? Days { get; set; }

    /// <summary>件数 of this application, for the fee notice.</summary>
    public int? Items { get; set; }
    public int? DepartmentId { get; set; }
    public string? Template { get; set; }
    public DeliveryMethod? Delivery { get; set; }
    public int Version { get; set; }

    /// <summary>The reply's files ("现予以提供（见附件）"); never redrawn (a browser cannot be given a file back).</summary>
    public List<IFormFile> Files { get; set; } = [];
}

public sealed record RegisterModel(Apply.ApplyForm Form, ApplicationChannel? Channel, DateOnly? ReceivedOn);

/// <summary>An open case whose stored due date the current calendar gives differently (ADR 8).</summary>
public sealed record CorrectionRow(int Id, string QueryCode, string ApplicantMasked, ApplicationState State, DateOnly StoredDueOn, DateOnly CorrectedDueOn);
