namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// The three reviews (Haidian 2018, Shishi Fengli: 三审) and their names. Which of them a version needs, and in what
/// order with 领导审签, is the county's <see cref="ReviewChain"/> (<see cref="ReviewRound"/>).
/// </summary>
public static class Reviews
{
    public static readonly ReviewStep[] Required = [ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute];

    /// <summary>The required steps not recorded as passed for this version (the latest decision per step counts).</summary>
    public static IReadOnlyList<ReviewStep> Missing(int versionId, IEnumerable<ReviewDecision> decisions)
    {
        var latest = decisions.Where(d => d.RecordVersionId == versionId)
            .GroupBy(d => d.Step)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last().Outcome);
        return Required.Where(step => latest.GetValueOrDefault(step) != ReviewOutcome.Passed).ToList();
    }

    public static string Describe(ReviewStep step) => step switch
    {
        ReviewStep.Confidentiality => "保密审查",
        ReviewStep.Legality => "合法性审查",
        ReviewStep.DisclosureAttribute => "公开属性审查",
        ReviewStep.Approval => "领导审签",
        _ => step.ToString(),
    };
}
