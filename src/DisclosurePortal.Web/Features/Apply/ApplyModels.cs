using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>The receipt after submitting; <paramref name="Code"/> is null on the honeypot's receipt (nothing was stored).</summary>
public sealed record ReceiptModel(string? Code, DateTimeOffset? SubmittedAt, string? MaskedIdentityNumber);

/// <summary>The tracking form; <paramref name="Error"/> explains a code that is malformed or unknown.</summary>
public sealed record TrackFormModel(string? Typed, string? Error, object[] ErrorArgs);

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
    DateOnly? ClosedOn)
{
    public bool IsOpen => State is not (ApplicationState.Replied or ApplicationState.Closed);
}
