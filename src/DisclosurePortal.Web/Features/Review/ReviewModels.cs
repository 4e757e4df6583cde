using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.Review;

public sealed record Option(string Value, string Text);

public sealed record QueueRow(int VersionId, int RecordId, string Title, int Number, RecordKind Kind, string? IndexNumber, string Department, string Domain,
    DateTimeOffset SubmittedAt, int AgeWorkingDays);

public sealed record QueueModel(IReadOnlyList<QueueRow> Rows, PageInfo Page, int? Department, string? Domain, RecordKind? Kind,
    IReadOnlyList<Option> Departments, IReadOnlyList<Option> Domains)
{
    /// <summary>Only the versions still waiting for this review step (from the office dashboard).</summary>
    public ReviewStep? Stage { get; init; }

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
    IReadOnlyList<Attachment> Attachments, IHtmlContent BodyHtml, ReviewForm Form)
{
    /// <summary>For a policy interpretation: the policies it names, its questions and answers (the video link is on the version).</summary>
    public Interpretations.InterpretationDetails? Interpretation { get; init; }
}

/// <summary>The three reviews and the conclusion, as a reviewer records them.</summary>
[RedrawnWithModelState]
public sealed class ReviewForm
{
    public ReviewOutcome? Confidentiality { get; set; }
    public string? ConfidentialityComment { get; set; }
    public ReviewOutcome? Legality { get; set; }
    public string? LegalityComment { get; set; }
    public ReviewOutcome? Attribute { get; set; }
    public string? AttributeComment { get; set; }

    /// <summary>approve, return or withhold.</summary>
    public string? Decision { get; set; }

    /// <summary>The comment the editor sees (return), or the reason (withhold).</summary>
    [MultiLine]
    public string? Comment { get; set; }

    public int Version { get; set; }

    /// <summary>审核通过 publishes at once: the reviewer ticks that they mean it (issue 18).</summary>
    public bool ConfirmPublish { get; set; }

    public IEnumerable<(string Field, ReviewOutcome? Outcome, string? Comment)> Steps()
    {
        yield return (nameof(Confidentiality), Confidentiality, ConfidentialityComment);
        yield return (nameof(Legality), Legality, LegalityComment);
        yield return (nameof(Attribute), Attribute, AttributeComment);
    }

    /// <summary>
    /// A decision row for each review the reviewer filled in. A failed review without its own comment carries the
    /// conclusion's comment; a failed 公开属性审查 under a 不予公开 conclusion is recorded as 不予公开.
    /// </summary>
    public IEnumerable<ReviewDecision> Decisions(int versionId, string reviewer, string? reviewerId, DateTimeOffset now)
    {
        var steps = new[] { ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute };
        foreach (var ((_, outcome, comment), step) in Steps().Zip(steps))
        {
            if (outcome is not { } o) continue;
            if (o != ReviewOutcome.Passed && Decision == "withhold" && step == ReviewStep.DisclosureAttribute) o = ReviewOutcome.Withheld;
            var text = o == ReviewOutcome.Passed || !string.IsNullOrWhiteSpace(comment) ? comment : Comment;
            yield return new ReviewDecision(versionId, step, o, reviewer, text, now, reviewerId);
        }
    }
}
