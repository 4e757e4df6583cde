using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.Review;

public sealed record Option(string Value, string Text);

/// <param name="Waiting">The step of the review chain the version waits for.</param>
/// <param name="DueOn">Its publication deadline: 20 working days after it was written (条例 Art. 26), when known.</param>
/// <param name="Mine">The signed-in user may take the waiting step.</param>
public sealed record QueueRow(int VersionId, int RecordId, string Title, int Number, RecordKind Kind, string? IndexNumber, string Department, string Domain,
    DateTimeOffset SubmittedAt, int AgeWorkingDays, ReviewStep? Waiting = null, DateOnly? DueOn = null, bool Mine = false);

public sealed record QueueModel(IReadOnlyList<QueueRow> Rows, PageInfo Page, int? Department, string? Domain, RecordKind? Kind,
    IReadOnlyList<Option> Departments, IReadOnlyList<Option> Domains)
{
    /// <summary>Only the versions still waiting for this review step (from the office dashboard).</summary>
    public ReviewStep? Stage { get; init; }

    /// <summary>Only the versions waiting for the signed-in user (me) or for 领导审签 (leader).</summary>
    public string? Waiting { get; init; }

    /// <summary>Today in China, against which a deadline is shown as passed.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Consultations (民意征集) awaiting the office's approval, listed above the records (issue 19).</summary>
    public IReadOnlyList<Consultations.PendingConsultation> Consultations { get; init; } = [];

    /// <summary>Units' 机构概况 awaiting the office's approval (issue 20 §2).</summary>
    public IReadOnlyList<UnitProfiles.PendingProfile> Profiles { get; init; } = [];
    /// <summary>权责清单 revisions awaiting the office's approval (issue 20 §5).</summary>
    public IReadOnlyList<Powers.PendingPower> Powers { get; init; } = [];
    public IReadOnlyList<Guides.PendingGuide> Guides { get; init; } = [];
    public IReadOnlyList<PolicyCleanups.PendingCleanup> Cleanups { get; init; } = [];
}

public sealed record WithheldRow(int VersionId, int RecordId, string Title, string Department, string? Reason, DateTimeOffset Since);

public sealed record ReviewPageModel(RecordVersion Version, Record Record, string Department, CatalogueItem? Item, RecordVersion? Published,
    IReadOnlyList<Attachment> Attachments, IHtmlContent BodyHtml, ReviewForm Form, ChainState Chain)
{
    /// <summary>For a policy interpretation: the policies it names, its questions and answers (the video link is on the version).</summary>
    public Interpretations.InterpretationDetails? Interpretation { get; init; }
}

/// <summary>
/// One step of the review chain, as its reviewer (or the leader) records it (issue 21 §6): the step the version waits for,
/// the decision (pass, return with a comment, 不予公开 with a reason where the step allows it) and the comment. Passing
/// the last step publishes at once, so it needs <see cref="ConfirmPublish"/> ticked as well.
/// </summary>
[RedrawnWithModelState]
public sealed class ReviewForm
{
    /// <summary>The step the page showed (a hidden field): a decision for another step than the one waiting is refused.</summary>
    public ReviewStep? Step { get; set; }

    public ReviewOutcome? Outcome { get; set; }

    /// <summary>The review's comment; the editor sees it on a return, and it is the reason of a 不予公开.</summary>
    [MultiLine]
    public string? Comment { get; set; }

    public int Version { get; set; }

    /// <summary>The last step's pass publishes at once: the reviewer ticks that they mean it (issue 18).</summary>
    public bool ConfirmPublish { get; set; }
}

/// <summary>A recorded review of the current round, as the review page and the printable form list it.</summary>
public sealed record ReviewLine(ReviewStep Step, ReviewOutcome Outcome, string Reviewer, string? Comment, DateTimeOffset DecidedAt);

/// <summary>Where a version stands in its review chain, for the review page.</summary>
/// <param name="Steps">The chain's steps for this version's kind, in order.</param>
/// <param name="Recorded">The decisions of the current round.</param>
/// <param name="Next">The step it waits for.</param>
/// <param name="WhyNotMe">Why the signed-in user cannot take the next step (null: the form is shown).</param>
/// <param name="IsLast">The next step is the last: passing it publishes.</param>
public sealed record ChainState(IReadOnlyList<ReviewStep> Steps, IReadOnlyList<ReviewLine> Recorded, ReviewStep? Next, string? WhyNotMe, bool IsLast)
{
    public bool MayDecide => Next is not null && WhyNotMe is null;
}
