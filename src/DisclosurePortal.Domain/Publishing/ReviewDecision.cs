namespace DisclosurePortal.Domain.Publishing;

/// <summary>One recorded review (who, when, decision, comment), like the paper 《信息发布登记记录表》.</summary>
public sealed class ReviewDecision
{
    public ReviewDecision(int recordVersionId, ReviewStep step, ReviewOutcome outcome, string reviewerName, string? comment, DateTimeOffset decidedAt, string? reviewerId = null)
    {
        if (!Enum.IsDefined(step)) throw new DomainException("审查环节无效。");
        if (!Enum.IsDefined(outcome)) throw new DomainException("审查结论无效。");
        if (outcome != ReviewOutcome.Passed && string.IsNullOrWhiteSpace(comment))
            throw new DomainException("退回或不予公开须填写审查意见。");
        RecordVersionId = recordVersionId;
        Step = step;
        Outcome = outcome;
        ReviewerName = Guard.Required(reviewerName, nameof(reviewerName));
        ReviewerId = reviewerId;
        Comment = Guard.Optional(comment);
        DecidedAt = decidedAt;
    }

    public long Id { get; private set; }
    public int RecordVersionId { get; private set; }
    public ReviewStep Step { get; private set; }
    public ReviewOutcome Outcome { get; private set; }
    public string? ReviewerId { get; private set; }
    public string ReviewerName { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}
