using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>The receipt after submitting; <paramref name="Code"/> is null on the honeypot's receipt (nothing was stored).</summary>
public sealed record ReceiptModel(string? Code, DateTimeOffset? SubmittedAt, string? MaskedIdentityNumber)
{
    /// <summary>The name of the document the number is of (a localizer key): 居民身份证, 护照, 统一社会信用代码 …</summary>
    public string? DocumentName { get; init; }

    /// <summary>What was asked for, restated (issue 18): the applicant keeps, or prints, the request with its code.</summary>
    public RequestSummary? Request { get; init; }
}

/// <summary>What the applicant asked for (条例 Art. 29): the information, the form and the way of provision.</summary>
public sealed record RequestSummary(string Description, ProvisionForm ProvisionForm, DeliveryMethod DeliveryMethod);

/// <summary>A file sent with the reply, offered on the tracking page (网上获取 only).</summary>
public sealed record ReplyFileLink(int Id, string FileName, long SizeBytes);

public static class IdentityDocumentNames
{
    /// <summary>What the number shown is (a localizer key): the person's document, or an organisation's 统一社会信用代码.</summary>
    public static string Of(ApplicantKind kind, IdentityDocument? document) =>
        kind == ApplicantKind.NaturalPerson ? IdentityDocuments.Describe(document ?? IdentityDocument.ResidentId) : "统一社会信用代码";
}

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
    /// <summary>评议 (issue 21 §5): the applicant's rating and its form, once the application is answered; null before.</summary>
    public Ratings.RatingPanel? Rating { get; init; }

    public bool IsOpen => ApplicationStates.IsOpen(State);

    /// <summary>The name of the document the masked number is of (a localizer key).</summary>
    public string DocumentName { get; init; } = "居民身份证";

    public RequestSummary? Request { get; init; }

    /// <summary>The reply's files, when the applicant chose 网上获取 and the reply has been made; otherwise none.</summary>
    public IReadOnlyList<ReplyFileLink> ReplyFiles { get; init; } = [];

    /// <summary>The reply has files but they go another way (post, email, in person): the page says so instead.</summary>
    public int ReplyFilesSentOtherwise { get; init; }
}

/// <summary>/apply?from=查询码: a declined mailbox message whose text fills the description (issue 19); a malformed code is ignored.</summary>
public sealed record ApplyPrefill(string? From) : Shared.IQueryFilter<ApplyPrefill>
{
    public const string Key = "from";

    public static ApplyPrefill Read(Shared.QueryReader query) => new(QueryCodes.Normalise(query.Text(Key)));
}
