namespace DisclosurePortal.Domain.Expectations;

/// <summary>How one expected publication was kept, as of the day it is read (ADR 33).</summary>
public enum ExpectationOutcome
{
    /// <summary>按时: published on or before the deadline.</summary>
    OnTime = 1,
    /// <summary>逾期: published after the deadline.</summary>
    Late = 2,
    /// <summary>缺失: the deadline has passed and nothing is published.</summary>
    Missing = 3,
    /// <summary>未到期: the deadline is today or later and nothing is published yet.</summary>
    NotYetDue = 4,
    /// <summary>本期无信息: the office approved that the period had nothing to publish; it counts as on time.</summary>
    Waived = 5,
}
