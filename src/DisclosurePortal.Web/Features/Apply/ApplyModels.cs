using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>The receipt after submitting; <paramref name="Code"/> is null on the honeypot's receipt (nothing was stored).</summary>
public sealed record ReceiptModel(string? Code, DateTimeOffset? SubmittedAt, string? MaskedIdentityNumber);

/// <summary>The tracking form; <paramref name="Error"/> explains a code that is malformed or unknown.</summary>
public sealed record TrackFormModel(string? Typed, string? Error, object[] ErrorArgs)
{
    /// <summary>The query key of the code (/track?code=…), which people see and bookmark.</summary>
    public const string CodeKey = "code";
}

/// <summary>The fee notice as the applicant sees it (国办函〔2020〕109号).</summary>
public sealed record FeeNoticeView(DateOnly NotifiedOn, int Items, decimal Amount, DateOnly PayBy, DateOnly? PaidOn)
{
    /// <summary>The payment deadline counts over a year whose holiday schedule is not entered (暂定).</summary>
    public bool PayByProvisional { get; init; }
}

/// <summary>What /track shows: the case's progress, and of the applicant only the masked ID and the name's first character.</summary>
public sealed record TrackModel(
    string Code,
    string ApplicantInitial,
    string MaskedIdentityNumber,
    ApplicationState State,
    DateTimeOffset SubmittedAt,
    DateOnly? ReceivedOn,
    DeadlineExplanation? Deadline,
    bool Overdue,
    DateOnly? SupplementRequestedOn,
    DateOnly? SupplementDeadline,
    string? SupplementNote,
    DateOnly? SupplementReceivedOn,
    int? ExtensionWorkingDays,
    string? ExtensionReason,
    ReplyType? ReplyType,
    DateOnly? RepliedOn,
    IReadOnlyList<string> ReplyLetterLines,
    DateOnly? DeliveredOn,
    DateOnly? ClosedOn,
    FeeNoticeView? Fee)
{
    public bool IsOpen => ApplicationStates.IsOpen(State);
}
