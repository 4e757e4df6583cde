namespace DisclosurePortal.Domain.Expectations;

public enum WaiverState
{
    /// <summary>待审核: an editor asked; the office has not decided.</summary>
    Pending = 1,
    /// <summary>已确认: the office agreed that the period had nothing to publish; the period counts as on time.</summary>
    Approved = 2,
    /// <summary>已退回: the office did not agree; the period is owed as before.</summary>
    Returned = 3,
}

/// <summary>
/// 本期无信息: an editor states, with a reason, that a periodic item had nothing to publish for one period; an office
/// reviewer other than the editor approves or returns it (ADR 33). Only an approved waiver changes the period's outcome.
/// </summary>
public sealed class PeriodWaiver
{
    public const int ReasonMaxLength = 500;
    public const int NoteMaxLength = 500;

    private PeriodWaiver()
    {
        Reason = RequestedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int CatalogueItemId { get; private set; }

    /// <summary>The first day of the period (<see cref="ReportingPeriod.Start"/>).</summary>
    public DateOnly PeriodStart { get; private set; }

    public string Reason { get; private set; }
    public WaiverState State { get; private set; }
    public string RequestedBy { get; private set; }
    public string? RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the office returned it (required to return, optional to approve).</summary>
    public string? DecisionNote { get; private set; }

    public static PeriodWaiver Request(int itemId, ReportingPeriod period, string reason, string actorName, string? actorId, DateTimeOffset now, DateOnly today)
    {
        if (period.Start > today) throw new DomainException("尚未开始的期间不能申报本期无信息。");
        return new PeriodWaiver
        {
            CatalogueItemId = itemId,
            PeriodStart = period.Start,
            Reason = CheckText(reason, ReasonMaxLength, "请说明本期无信息的理由。", "理由"),
            State = WaiverState.Pending,
            RequestedBy = actorName,
            RequestedById = actorId,
            RequestedAt = now,
        };
    }

    /// <summary>A returned waiver asked again with a new reason.</summary>
    public void Resubmit(string reason, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State == WaiverState.Pending) throw new DomainException("该期间的本期无信息申报正在等待审核。");
        if (State == WaiverState.Approved) throw new DomainException("该期间的本期无信息已确认。");
        Reason = CheckText(reason, ReasonMaxLength, "请说明本期无信息的理由。", "理由");
        State = WaiverState.Pending;
        RequestedBy = actorName;
        RequestedById = actorId;
        RequestedAt = now;
        DecidedBy = null;
        DecidedAt = null;
        DecisionNote = null;
    }

    public void Approve(string? note, string actorName, string? actorId, DateTimeOffset now)
    {
        CheckDecidable(actorId);
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : CheckText(note, NoteMaxLength, "", "审核意见");
        Decide(WaiverState.Approved, actorName, now);
    }

    public void Return(string note, string actorName, string? actorId, DateTimeOffset now)
    {
        CheckDecidable(actorId);
        DecisionNote = CheckText(note, NoteMaxLength, "退回时请写明理由。", "审核意见");
        Decide(WaiverState.Returned, actorName, now);
    }

    private void CheckDecidable(string? actorId)
    {
        if (State != WaiverState.Pending) throw new DomainException("该本期无信息申报不在审核队列中。");
        // 四眼原则, as for records and clean-ups: who states that nothing was owed does not confirm it.
        if (actorId is not null && actorId == RequestedById) throw new DomainException("申报人不能审核自己的本期无信息申报，请由另一位审核员审核。");
    }

    private void Decide(WaiverState state, string actorName, DateTimeOffset now)
    {
        State = state;
        DecidedBy = actorName;
        DecidedAt = now;
    }

    private static string CheckText(string? text, int max, string whenEmpty, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException(whenEmpty);
        var trimmed = text.Trim();
        if (trimmed.Length > max) throw new DomainException($"{what}不能超过{max}个字。");
        return trimmed;
    }
}
